import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DIGITAL_DELIVERY_MODULE } from "../../../modules/digital-delivery"
import type { FollowUpKind } from "../../../modules/digital-delivery/models/follow-up"
import type DigitalDeliveryModuleService from "../../../modules/digital-delivery/service"

export const requestDeliveryFollowUpsStepId = "order-ops-request-delivery-follow-ups"

/**
 * Writes the durable markers of an order's follow-ups (due now), before any
 * of them runs. Nothing to undo: asking again is harmless (the run finds
 * nothing to do and settles it).
 */
export const requestDeliveryFollowUpsStep = createStep(
  requestDeliveryFollowUpsStepId,
  async (input: { order_id: string; kinds: FollowUpKind[] }, { container }) => {
    await container.resolve<DigitalDeliveryModuleService>(DIGITAL_DELIVERY_MODULE).requestFollowUps(input.order_id, input.kinds)
    return new StepResponse({ order_id: input.order_id, kinds: input.kinds })
  }
)
