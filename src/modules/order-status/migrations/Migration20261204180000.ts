import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * When the order's delivery status was last written on its own (by a delivery
 * attempt, see `writeOrderDeliveryStatusesStep`): a full refresh that began
 * before that keeps the newer delivery status.
 */
export class Migration20261204180000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "order_status" add column if not exists "delivery_status_at" timestamptz null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "order_status" drop column if exists "delivery_status_at";`);
  }

}
