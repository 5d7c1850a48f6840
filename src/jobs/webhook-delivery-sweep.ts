import type { MedusaContainer } from "@medusajs/framework/types"
import { sweepWebhookDeliveries } from "../workflows/order-webhooks/utils/sweep-webhook-deliveries"

/**
 * Every 5 seconds (the shortest step of the retry schedule): attempts the
 * webhook deliveries that are due — retries, and first attempts whose
 * subscriber never got to them (a crash, a restart). The schedule lives in
 * the database, so this works the same with one process or a server and
 * several workers.
 */
export default async function webhookDeliverySweepJob(container: MedusaContainer): Promise<void> {
  await sweepWebhookDeliveries(container)
}

export const config = {
  name: "order-ops-webhook-delivery-sweep",
  schedule: "*/5 * * * * *",
}
