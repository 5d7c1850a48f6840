import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/** The client (IP address, user agent) that completed each cart, linked to its order. */
export class Migration20261203080100 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "order_checkout_context" ("id" text not null, "cart_id" text not null, "order_id" text null, "ip" text null, "user_agent" text null, "recorded_at" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "order_checkout_context_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_order_checkout_context_deleted_at" ON "order_checkout_context" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_order_checkout_context_cart_unique" ON "order_checkout_context" ("cart_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_order_checkout_context_order_id" ON "order_checkout_context" ("order_id") WHERE deleted_at IS NULL AND order_id IS NOT NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "order_checkout_context" cascade;`);
  }

}
