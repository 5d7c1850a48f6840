import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * Order case columns (issue 14): the active hold, the merchant's order
 * label and the most pressing dispute, so the Order operations list and the
 * exceptions inbox filter on them in SQL; and the `disputed` payment status.
 * Kept in its own file: other features add their own columns to this table.
 */
export class Migration20261202201000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table if exists "order_status" drop constraint if exists "order_status_payment_status_check";`)
    this.addSql(`alter table if exists "order_status" add constraint "order_status_payment_status_check" check ("payment_status" in ('unpaid', 'in_progress', 'partially_paid', 'paid', 'partially_refunded', 'refunded', 'disputed'));`)
    this.addSql(`alter table if exists "order_status" add column if not exists "hold_reason" text null, add column if not exists "held_since" timestamptz null, add column if not exists "order_label_id" text null, add column if not exists "order_label_name" text null, add column if not exists "order_label_color" text null, add column if not exists "dispute_status" text null, add column if not exists "dispute_due_at" timestamptz null;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_order_status_held_since" ON "order_status" ("held_since") WHERE deleted_at IS NULL AND hold_reason IS NOT NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_order_status_order_label_id" ON "order_status" ("order_label_id", "order_created_at") WHERE deleted_at IS NULL AND order_label_id IS NOT NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_order_status_dispute_due_at" ON "order_status" ("dispute_due_at") WHERE deleted_at IS NULL AND dispute_status IS NOT NULL;`)
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_order_status_held_since";`)
    this.addSql(`drop index if exists "IDX_order_status_order_label_id";`)
    this.addSql(`drop index if exists "IDX_order_status_dispute_due_at";`)
    this.addSql(`alter table if exists "order_status" drop column if exists "hold_reason", drop column if exists "held_since", drop column if exists "order_label_id", drop column if exists "order_label_name", drop column if exists "order_label_color", drop column if exists "dispute_status", drop column if exists "dispute_due_at";`)
    this.addSql(`alter table if exists "order_status" drop constraint if exists "order_status_payment_status_check";`)
    this.addSql(`alter table if exists "order_status" add constraint "order_status_payment_status_check" check ("payment_status" in ('unpaid', 'in_progress', 'partially_paid', 'paid', 'partially_refunded', 'refunded'));`)
  }
}
