import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * Exactly-once delivery: a fencing token on the lease, an owed revoke that
 * the sweep retries, and the attempt log's `sending` / `interrupted` /
 * `superseded` rows.
 */
export class Migration20261202201500 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table if exists "delivery" add column if not exists "lease_token" integer not null default 0;`)
    this.addSql(`alter table if exists "delivery" add column if not exists "revoke_requested_at" timestamptz null;`)
    this.addSql(`alter table if exists "delivery" add column if not exists "revoke_next_at" timestamptz null;`)
    this.addSql(`alter table if exists "delivery" add column if not exists "revoke_attempts" integer not null default 0;`)
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_delivery_revoke_due" ON "delivery" ("revoke_next_at") WHERE deleted_at IS NULL AND revoke_next_at IS NOT NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_delivery_leased_product" ON "delivery" ("delivery_product_id", "locked_until") WHERE deleted_at IS NULL AND locked_until IS NOT NULL;`
    )
    this.addSql(`alter table if exists "delivery_attempt" drop constraint if exists "delivery_attempt_outcome_check";`)
    this.addSql(
      `alter table if exists "delivery_attempt" add constraint "delivery_attempt_outcome_check" check ("outcome" in ('delivered', 'retry', 'awaiting_recipient', 'failed', 'unknown', 'dry_run', 'sending', 'interrupted', 'superseded'));`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "delivery_attempt" drop constraint if exists "delivery_attempt_outcome_check";`)
    this.addSql(`update "delivery_attempt" set "outcome" = 'unknown' where "outcome" in ('sending', 'interrupted', 'superseded');`)
    this.addSql(
      `alter table if exists "delivery_attempt" add constraint "delivery_attempt_outcome_check" check ("outcome" in ('delivered', 'retry', 'awaiting_recipient', 'failed', 'unknown', 'dry_run'));`
    )
    this.addSql(`drop index if exists "IDX_delivery_leased_product";`)
    this.addSql(`drop index if exists "IDX_delivery_revoke_due";`)
    this.addSql(`alter table if exists "delivery" drop column if exists "lease_token", drop column if exists "revoke_requested_at", drop column if exists "revoke_next_at", drop column if exists "revoke_attempts";`)
  }
}
