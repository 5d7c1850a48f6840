import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261124130944 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "order_activity" ("id" text not null, "order_id" text not null, "kind" text not null, "actor_type" text check ("actor_type" in ('user', 'customer', 'system')) not null default 'system', "actor_id" text null, "resource_type" text null, "resource_id" text null, "data" jsonb null, "occurred_at" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "order_activity_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_order_activity_deleted_at" ON "order_activity" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_order_activity_order_id_occurred_at" ON "order_activity" ("order_id", "occurred_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_order_activity_resource" ON "order_activity" ("resource_type", "resource_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "order_activity" cascade;`);
  }

}
