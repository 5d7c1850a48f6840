import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * Credit notes: each names the refund it credits (one credit note per
 * refund, the unique index is the idempotency key of a redelivered refund
 * event) and the invoice it credits.
 */
export class Migration20261203132500 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "order_invoice" add column if not exists "refund_id" text null, add column if not exists "credits_invoice_id" text null;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_order_invoice_refund_unique" ON "order_invoice" ("refund_id") WHERE deleted_at IS NULL AND kind = 'credit_note';`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_order_invoice_order_kind" ON "order_invoice" ("order_id", "kind") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_order_invoice_order_kind";`);
    this.addSql(`drop index if exists "IDX_order_invoice_refund_unique";`);
    this.addSql(`alter table if exists "order_invoice" drop column if exists "refund_id", drop column if exists "credits_invoice_id";`);
  }

}
