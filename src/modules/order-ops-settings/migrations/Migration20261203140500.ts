import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261203140500 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "order_ops_document_settings" ("id" text not null, "key" text not null default 'default', "store_name" text null, "address" text null, "tax_ids" jsonb not null, "logo_file_id" text null, "invoice_prefix" text not null default 'INV-', "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "order_ops_document_settings_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_order_ops_document_settings_deleted_at" ON "order_ops_document_settings" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_order_ops_document_settings_key_unique" ON "order_ops_document_settings" ("key") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "order_ops_document_settings" cascade;`);
  }

}
