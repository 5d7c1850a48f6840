import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import pLimit from "p-limit"
import { DIGITAL_DELIVERY_MODULE } from "../../../modules/digital-delivery"
import type DigitalDeliveryModuleService from "../../../modules/digital-delivery/service"
import type { FollowUpLease } from "../../../modules/digital-delivery/service"
import { autoCompleteOrderWorkflow } from "../workflows/auto-complete-order"
import { sendPendingDeliveryInstructionsWorkflow } from "../workflows/send-pending-delivery-instructions"

/** Follow-ups leased per batch. */
export const FOLLOW_UP_BATCH = 100

const message = (error: unknown) =>
  (error as { message?: string } | undefined)?.message ?? String(error ?? "unknown error")

/**
 * Runs one leased follow-up through its workflow and settles its row: done,
 * deferred, or failed with the error (retried later by the sweep). Never
 * throws: one follow-up failing never stops another.
 *
 * @returns whether the row is due again at once (a newer request came in while it ran).
 */
async function runOne(container: MedusaContainer, lease: FollowUpLease): Promise<boolean> {
  const service = container.resolve<DigitalDeliveryModuleService>(DIGITAL_DELIVERY_MODULE)
  try {
    if (lease.kind === "instructions") {
      const { result, errors } = await sendPendingDeliveryInstructionsWorkflow(container).run({
        input: { order_id: lease.order_id, covered_delivery_ids: lease.covered_delivery_ids, try_id: `${lease.generation}.${lease.attempts}` },
        throwOnError: false,
      })
      if (errors.length) {
        return await service.settleFollowUp(lease, { error: message(errors[0].error) })
      }
      if (result.defer_until) {
        return await service.settleFollowUp(lease, { deferred_until: new Date(result.defer_until) })
      }
      return await service.settleFollowUp(lease, { done: true, covered_delivery_ids: result.covered_delivery_ids })
    }
    const { errors } = await autoCompleteOrderWorkflow(container).run({
      // A second try completes without the core fulfillment if creating it is what failed
      // (an order without a stock location for its digital items, say).
      input: { order_id: lease.order_id, skip_fulfillment: lease.attempts > 1 },
      throwOnError: false,
    })
    if (errors.length) {
      return await service.settleFollowUp(lease, { error: message(errors[0].error) })
    }
    return await service.settleFollowUp(lease, { done: true })
  } catch (error) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .warn(`medusa-order-ops: ${lease.kind} follow-up of ${lease.order_id} failed: ${message(error)}`)
    // The row's lease runs out and the sweep takes it again.
    return false
  }
}

/**
 * Carries out due follow-ups of delivered items (see `DeliveryFollowUp`):
 * leases up to `limit` of them — one order's when `order_id` is given —
 * and runs them `follow_up_concurrency` at a time, each independently. An
 * order's follow-ups asked for again while they ran are run again at once.
 *
 * Called by the delivered-item subscriber (for its order, right away) and by
 * the follow-up sweep job (everything due); the rows, not this process,
 * hold what is left to do.
 *
 * @returns how many follow-ups ran.
 */
export async function runDeliveryFollowUps(
  container: MedusaContainer,
  input: { order_id?: string; limit?: number } = {}
): Promise<number> {
  const service = container.resolve<DigitalDeliveryModuleService>(DIGITAL_DELIVERY_MODULE)
  const limit = pLimit(service.getOptions().digital_delivery.follow_up_concurrency)
  let ran = 0
  // One order: a few rounds at most (each round is a newer request that came in meanwhile).
  for (let round = 0; round < (input.order_id ? 3 : 1); round++) {
    const leases = await service.leaseDueFollowUps({ limit: input.limit ?? FOLLOW_UP_BATCH, order_id: input.order_id })
    const again = await Promise.all(leases.map((lease) => limit(() => runOne(container, lease))))
    ran += leases.length
    if (!again.some(Boolean)) {
      break
    }
  }
  return ran
}
