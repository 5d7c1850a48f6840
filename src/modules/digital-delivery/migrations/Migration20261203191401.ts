import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * Partial indexes for the exceptions inbox (issue 14): deliveries failed or
 * with an unknown outcome (the predicate is the rule's own, so the planner
 * uses it), and the revoke attempts, newest per delivery, so "revoke
 * failed" reads the revokes ever attempted instead of every delivery.
 */
export class Migration20261203191401 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_delivery_exception" ON "delivery" ("status") WHERE deleted_at IS NULL AND (status = 'failed' OR (outcome_unknown = true AND status <> 'delivered' AND status <> 'revoked'));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_delivery_attempt_revoke" ON "delivery_attempt" ("delivery_id", "created_at") WHERE deleted_at IS NULL AND kind = 'revoke';`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_delivery_exception";`);
    this.addSql(`drop index if exists "IDX_delivery_attempt_revoke";`);
  }

}
