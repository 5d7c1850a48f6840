import type { ExecArgs } from "@medusajs/framework/types"
import { sweepWebhookDeliveries } from "../../src/workflows/order-webhooks/utils/sweep-webhook-deliveries"

/**
 * A separate worker process for the webhook reliability test: `medusa exec`
 * this file with DATABASE_URL pointing at the test's database and it sweeps
 * webhook deliveries until a sweep finds nothing due, printing `ready`,
 * `swept <n>` and `done`. The test SIGKILLs it mid-run.
 */
export default async function webhookSweepWorker({ container }: ExecArgs): Promise<void> {
  console.log("ready")
  for (;;) {
    const { attempted } = await sweepWebhookDeliveries(container)
    console.log(`swept ${attempted}`)
    if (!attempted) {
      break
    }
  }
  console.log("done")
}
