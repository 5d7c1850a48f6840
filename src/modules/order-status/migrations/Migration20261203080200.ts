import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/** The order's shipping option type code in the read model, for the fulfillment SLA per type. */
export class Migration20261203080200 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "order_status" add column if not exists "shipping_option_type" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "order_status" drop column if exists "shipping_option_type";`);
  }

}
