import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * Partial indexes for the exceptions inbox (issue 14): the shipments it
 * looks at (awaiting shipment, for an unscanned label; delivery failed) and
 * the labels whose refund is open or rejected. Each covers only the few rows
 * a rule can match, so the inbox reads those rows instead of every
 * shipment and label (see docs/benchmarks.md, the exceptions inbox).
 */
export class Migration20261203181401 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_shipment_exception_status" ON "shipment" ("status") WHERE deleted_at IS NULL AND status IN ('awaiting_shipment', 'delivery_failed');`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_shipping_label_refund_open" ON "shipping_label" ("refund_status") WHERE deleted_at IS NULL AND refund_status IN ('submitted', 'pending', 'rejected');`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_shipment_exception_status";`);
    this.addSql(`drop index if exists "IDX_shipping_label_refund_open";`);
  }

}
