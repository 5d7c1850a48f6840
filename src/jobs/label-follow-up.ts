import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { SHIPMENT_MODULE } from "../modules/shipment"
import type ShipmentModuleService from "../modules/shipment/service"
import { followUpShippingLabelWorkflow } from "../workflows/labels/workflows/follow-up-shipping-label"

/** Labels looked at per run; the rest wait for the next minute. */
export const LABEL_FOLLOW_UP_BATCH = 50

/**
 * Every minute: follows up each label that is due (`next_check_at` passed)
 * — refunds until final, unknown purchases until reconciled, tracking polls
 * for carriers without webhooks. State lives in the database, so this runs
 * the same on one process or a worker beside servers.
 */
export default async function labelFollowUpJob(
  container: MedusaContainer,
  /** `now`: the clock (tests stand after a purchase's window with it); Medusa passes `{ scheduledFor }`. */
  context: { now?: Date } = {}
): Promise<{ checked: number; failed: number }> {
  const now = context.now ?? new Date()
  const service = container.resolve<ShipmentModuleService>(SHIPMENT_MODULE)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const due = (await service.listShippingLabels(
    { next_check_at: { $lte: now } },
    { select: ["id"], take: LABEL_FOLLOW_UP_BATCH, order: { next_check_at: "ASC" } }
  )) as { id: string }[]
  let failed = 0
  for (const { id } of due) {
    const { errors } = await followUpShippingLabelWorkflow(container).run({
      input: { label_id: id, now: now.toISOString() },
      throwOnError: false,
    })
    if (errors.length) {
      failed++
      logger.warn(`medusa-order-ops: label ${id} follow-up failed: ${errors[0].error?.message ?? errors[0].error}`)
    }
  }
  return { checked: due.length, failed }
}

export const config = {
  name: "order-ops-label-follow-up",
  schedule: "* * * * *",
}
