import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * The `method` columns of `delivery` and `delivery_product` become plain
 * text, checked against the method registry (`methods/index.ts`) where
 * delivery products are written instead of by a database check: adding a
 * delivery method needs no migration. Existing rows are kept as they are.
 */
export class Migration20261203184000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "delivery" drop constraint if exists "delivery_method_check";`);
    this.addSql(`alter table if exists "delivery_product" drop constraint if exists "delivery_product_method_check";`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "delivery" add constraint "delivery_method_check" check ("method" in ('download', 'license_code', 'webhook', 'rcon', 'discord_role'));`);
    this.addSql(`alter table if exists "delivery_product" add constraint "delivery_product_method_check" check ("method" in ('download', 'license_code', 'webhook', 'rcon', 'discord_role'));`);
  }

}
