import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261124144432 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "test_order" drop constraint if exists "test_order_order_id_unique";`);
    this.addSql(`create table if not exists "test_order" ("id" text not null, "order_id" text not null, "placed_by" text null, "customer_id" text null, "generated_customer" boolean not null default false, "payment_state" text check ("payment_state" in ('paid', 'unpaid')) not null, "cart_id" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "test_order_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_test_order_deleted_at" ON "test_order" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_test_order_order_id_unique" ON "test_order" ("order_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "test_order" cascade;`);
  }

}
