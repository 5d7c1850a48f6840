import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/** The order's digital delivery state in the read model, filterable like the other statuses. */
export class Migration20261202203000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "order_status" add column if not exists "delivery_status" text check ("delivery_status" in ('none', 'pending', 'awaiting_recipient', 'delivered', 'failed', 'outcome_unknown', 'revoked')) not null default 'none';`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_order_status_delivery_status_created" ON "order_status" ("delivery_status", "order_created_at", "id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_order_status_delivery_status_created";`);
    this.addSql(`alter table if exists "order_status" drop column if exists "delivery_status";`);
  }

}
