import type { MedusaContainer } from "@medusajs/framework/types"
import { SHIPMENT_MODULE } from "../modules/shipment"
import type ShipmentModuleService from "../modules/shipment/service"
import { applyCarrierWebhooksWorkflow } from "../workflows/labels/workflows/apply-carrier-webhooks"

/**
 * Every minute: applies carrier webhooks still in the inbox — ones whose
 * event was lost (a restart between the write and the subscriber) and ones
 * waiting for a retry.
 */
export default async function carrierWebhookSweepJob(container: MedusaContainer): Promise<number> {
  const service = container.resolve<ShipmentModuleService>(SHIPMENT_MODULE)
  const due = (await service.listCarrierWebhookEvents(
    { status: "received", next_attempt_at: { $lte: new Date() } },
    { select: ["id"], take: 500, order: { next_attempt_at: "ASC" } }
  )) as { id: string }[]
  if (due.length) {
    await applyCarrierWebhooksWorkflow(container).run({ input: { ids: due.map((r) => r.id) } })
  }
  return due.length
}

export const config = {
  name: "order-ops-carrier-webhook-sweep",
  schedule: "* * * * *",
}
