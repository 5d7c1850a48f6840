import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261124140456 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "order_status" drop constraint if exists "order_status_order_id_unique";`);
    this.addSql(`create table if not exists "order_status" ("id" text not null, "order_id" text not null, "display_id" integer not null, "email" text null, "customer_id" text null, "customer_name" text null, "currency_code" text not null, "total" numeric not null, "fulfillment_status" text check ("fulfillment_status" in ('unfulfilled', 'dispatched', 'partially_fulfilled', 'fulfilled', 'delivered', 'picked_up', 'partially_returned', 'returned', 'canceled')) not null, "payment_status" text check ("payment_status" in ('unpaid', 'in_progress', 'partially_paid', 'paid', 'partially_refunded', 'refunded')) not null, "is_test" boolean not null default false, "item_count" integer not null default 0, "shipment_count" integer not null default 0, "shipment_statuses" text[] not null default '{}', "order_created_at" timestamptz not null, "canceled_at" timestamptz null, "computed_at" timestamptz not null, "raw_total" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "order_status_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_order_status_deleted_at" ON "order_status" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_order_status_order_id_unique" ON "order_status" ("order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_order_status_fulfillment_status_created" ON "order_status" ("fulfillment_status", "order_created_at", "id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_order_status_payment_status_created" ON "order_status" ("payment_status", "order_created_at", "id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_order_status_order_created_at" ON "order_status" ("order_created_at", "id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_order_status_total" ON "order_status" ("total", "id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_order_status_display_id" ON "order_status" ("display_id") WHERE deleted_at IS NULL;`);
    // Written by hand: the list's search is a substring match (ILIKE '%q%') on
    // email and customer name, which only trigram indexes serve. pg_trgm ships
    // with PostgreSQL's contrib and is a trusted extension (PostgreSQL 13+);
    // where it cannot be created, the indexes are skipped and search scans.
    this.addSql(`DO $$
BEGIN
  BEGIN
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
  EXCEPTION WHEN OTHERS THEN
    RAISE NOTICE 'order_status: pg_trgm unavailable (%), search indexes skipped', SQLERRM;
  END;
  IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
    EXECUTE 'CREATE INDEX IF NOT EXISTS "IDX_order_status_email_trgm" ON "order_status" USING gin ("email" gin_trgm_ops) WHERE deleted_at IS NULL';
    EXECUTE 'CREATE INDEX IF NOT EXISTS "IDX_order_status_customer_name_trgm" ON "order_status" USING gin ("customer_name" gin_trgm_ops) WHERE deleted_at IS NULL';
  END IF;
END
$$;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "order_status" cascade;`);
  }

}
