import type { ExecArgs } from "@medusajs/framework/types"
import { buyShippingLabelWorkflow, type BuyShippingLabelWorkflowInput } from "../../src/workflows/labels/workflows/buy-shipping-label"

/**
 * A separate server process for the crash tests: `medusa exec` this file
 * with DATABASE_URL pointing at the test's database, the purchase in
 * ORDER_OPS_BUY_INPUT (JSON) and SHIPPO_API_KEY / SHIPPO_BASE_URL pointing at
 * the fake Shippo. It buys the label through the very workflow the route runs
 * and prints `ready`, then `bought <label id>`. The test SIGKILLs it while
 * the fake carrier is selling the label, before the answer arrives.
 */
export default async function labelBuyer({ container }: ExecArgs): Promise<void> {
  const input = JSON.parse(process.env.ORDER_OPS_BUY_INPUT ?? "{}") as BuyShippingLabelWorkflowInput
  console.log("ready")
  const { result } = await buyShippingLabelWorkflow(container).run({ input })
  console.log(`bought ${result.label_id}`)
}
