import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * When the order's shipment statuses were last written on their own (by a
 * carrier tracking batch whose moves cannot change the order's fulfillment
 * status, see `writeOrderShipmentStatusesStep`): a full refresh that began
 * before that keeps the newer shipment statuses.
 */
export class Migration20261205040000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "order_status" add column if not exists "shipment_statuses_at" timestamptz null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "order_status" drop column if exists "shipment_statuses_at";`);
  }

}
