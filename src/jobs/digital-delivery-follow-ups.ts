import type { MedusaContainer } from "@medusajs/framework/types"
import { DIGITAL_DELIVERY_MODULE } from "../modules/digital-delivery"
import type DigitalDeliveryModuleService from "../modules/digital-delivery/service"
import { FOLLOW_UP_BATCH, runDeliveryFollowUps } from "../workflows/digital-delivery/utils/run-follow-ups"
import { requestDeliveryFollowUpsWorkflow } from "../workflows/digital-delivery/workflows/request-delivery-follow-ups"
import { sweepJobSchedule } from "../utils/job-schedule"

/** Follow-ups run per sweep at most; the rest wait for the next minute. */
export const FOLLOW_UP_SWEEP_MAX = 1000

/**
 * Every minute: the follow-ups of delivered items that are due — failed
 * emails and completions on their retry schedule, runs cut short by a
 * crash (their lease ran out), emails waiting for a sibling item — in
 * batches of FOLLOW_UP_BATCH. First the safety net: an order whose
 * deliveries are all delivered and whose completion was never asked for
 * (its event lost) gets a completion follow-up.
 */
export default async function digitalDeliveryFollowUpsJob(container: MedusaContainer): Promise<{ ran: number; recovered: number }> {
  const service = container.resolve<DigitalDeliveryModuleService>(DIGITAL_DELIVERY_MODULE)
  const orphans = await service.listOrdersAwaitingCompletion(FOLLOW_UP_SWEEP_MAX)
  for (const order_id of orphans) {
    await requestDeliveryFollowUpsWorkflow(container).run({ input: { order_id, kinds: ["instructions", "completion"] } })
  }
  let ran = 0
  while (ran < FOLLOW_UP_SWEEP_MAX) {
    const batch = await runDeliveryFollowUps(container, { limit: FOLLOW_UP_BATCH })
    ran += batch
    if (batch < FOLLOW_UP_BATCH) {
      break
    }
  }
  return { ran, recovered: orphans.length }
}

export const config = {
  name: "order-ops-digital-delivery-follow-ups",
  schedule: sweepJobSchedule(),
}
