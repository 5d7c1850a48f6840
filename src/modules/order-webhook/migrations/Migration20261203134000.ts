import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * Indexes for the batched lease: due deliveries per endpoint in lease
 * order, and the live leases per endpoint (a small index: only leased rows
 * carry `locked_until`).
 */
export class Migration20261203134000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_webhook_delivery_endpoint_due" ON "webhook_delivery" ("endpoint_id", "next_attempt_at", "id") WHERE deleted_at IS NULL AND status = 'pending';`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_webhook_delivery_endpoint_leased" ON "webhook_delivery" ("endpoint_id", "locked_until") WHERE deleted_at IS NULL AND status = 'pending' AND locked_until IS NOT NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`DROP INDEX IF EXISTS "IDX_webhook_delivery_endpoint_due";`);
    this.addSql(`DROP INDEX IF EXISTS "IDX_webhook_delivery_endpoint_leased";`);
  }

}
