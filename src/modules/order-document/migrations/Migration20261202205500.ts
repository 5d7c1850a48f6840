import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261202205500 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "order_invoice" ("id" text not null, "order_id" text not null, "kind" text check ("kind" in ('invoice', 'credit_note')) not null default 'invoice', "series" text check ("series" in ('live', 'test')) not null default 'live', "number" integer not null, "display_number" text not null, "snapshot" jsonb not null, "file_key" text null, "issued_at" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "order_invoice_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_order_invoice_deleted_at" ON "order_invoice" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_order_invoice_series_number_unique" ON "order_invoice" ("kind", "series", "number") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_order_invoice_order_invoice_unique" ON "order_invoice" ("order_id") WHERE deleted_at IS NULL AND kind = 'invoice';`);
    this.addSql(`create table if not exists "order_invoice_counter" ("id" text not null, "series_key" text not null, "next_number" integer not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "order_invoice_counter_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_order_invoice_counter_deleted_at" ON "order_invoice_counter" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_order_invoice_counter_series_unique" ON "order_invoice_counter" ("series_key") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "order_invoice" cascade;`);
    this.addSql(`drop table if exists "order_invoice_counter" cascade;`);
  }

}
