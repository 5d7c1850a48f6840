import type { MedusaContainer } from "@medusajs/framework/types"
import { backfillOrderStatuses } from "../scripts/backfill-order-status"

/**
 * Runs once, during `medusa db:migrate`, after the `order_status` table
 * exists: gives every order the store already has its persisted statuses.
 * Medusa looks for migration scripts in each plugin's `src/migration-scripts`
 * (`.medusa/server/src/migration-scripts` once built) and in the app's own,
 * and records each in `script_migrations` so it never runs twice. To run it
 * again: `npm run backfill` (see src/scripts/backfill-order-status.ts).
 */
export default async function orderOpsBackfillOrderStatus({
  container,
}: {
  container: MedusaContainer
}): Promise<void> {
  await backfillOrderStatuses(container)
}
