import type { MedusaContainer } from "@medusajs/framework/types"
import { drainCarrierWebhooks } from "../workflows/labels/utils/drain-carrier-webhooks"

/**
 * Every minute: applies carrier webhooks still due in the inbox — ones whose
 * event was lost (a restart between the write and the subscriber), ones
 * waiting for a retry, and leases a dead drain left behind.
 *
 * @returns the number of inbox rows applied.
 */
export default async function carrierWebhookSweepJob(container: MedusaContainer): Promise<number> {
  return await drainCarrierWebhooks(container)
}

export const config = {
  name: "order-ops-carrier-webhook-sweep",
  schedule: "* * * * *",
}
