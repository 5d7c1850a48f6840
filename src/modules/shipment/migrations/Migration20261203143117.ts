import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * The `carrier` columns of the label ledger and the webhook inbox become
 * plain text, checked against the carrier registry (`carriers/registry.ts`)
 * where rows are written instead of by a database check: adding a carrier
 * needs no migration. Existing rows are kept as they are.
 */
export class Migration20261203143117 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "shipping_label" drop constraint if exists "shipping_label_carrier_check";`);
    this.addSql(`alter table if exists "carrier_webhook_event" drop constraint if exists "carrier_webhook_event_carrier_check";`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "shipping_label" add constraint "shipping_label_carrier_check" check ("carrier" in ('sandbox', 'shippo', 'easypost'));`);
    this.addSql(`alter table if exists "carrier_webhook_event" add constraint "carrier_webhook_event_carrier_check" check ("carrier" in ('sandbox', 'shippo', 'easypost'));`);
  }

}
