import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/** Durable follow-up markers (instructions email, order completion) of delivered items. */
export class Migration20261202201600 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "delivery_follow_up" ("id" text not null, "order_id" text not null, "kind" text check ("kind" in ('instructions', 'completion')) not null, "status" text check ("status" in ('due', 'done', 'failed')) not null default 'due', "generation" integer not null default 1, "attempts" integer not null default 0, "next_attempt_at" timestamptz null, "locked_until" timestamptz null, "last_error" text null, "covered_delivery_ids" jsonb null, "done_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "delivery_follow_up_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_delivery_follow_up_deleted_at" ON "delivery_follow_up" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_delivery_follow_up_order_kind_unique" ON "delivery_follow_up" ("order_id", "kind") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_delivery_follow_up_due" ON "delivery_follow_up" ("next_attempt_at") WHERE deleted_at IS NULL AND status = 'due';`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "delivery_follow_up" cascade;`);
  }

}
