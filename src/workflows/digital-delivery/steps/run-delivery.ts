import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DIGITAL_DELIVERY_MODULE } from "../../../modules/digital-delivery"
import type DigitalDeliveryModuleService from "../../../modules/digital-delivery/service"
import { attemptDelivery } from "../utils/attempt-delivery"
import type { DeliveryDTO } from "../utils/types"

export const runDeliveryStepId = "order-ops-run-delivery"

/**
 * Attempts a delivery now. Takes its lease first (unless the caller already
 * holds it, as the sweep does), so two processes never attempt one delivery
 * at once; answers `skipped` when someone else holds it. An attempt is a
 * fact (a code assigned, a request sent): there is nothing to undo.
 */
export const runDeliveryStep = createStep(
  runDeliveryStepId,
  async (input: { delivery_id: string; leased?: boolean; actor_id?: string | null }, { container }) => {
    const service = container.resolve<DigitalDeliveryModuleService>(DIGITAL_DELIVERY_MODULE)
    if (!input.leased && !(await service.leaseDelivery(input.delivery_id))) {
      const current = (await service.retrieveDelivery(input.delivery_id)) as unknown as DeliveryDTO
      return new StepResponse({ delivery: current, skipped: true })
    }
    const delivery = await attemptDelivery(container, input.delivery_id, input.actor_id ?? null)
    return new StepResponse({ delivery, skipped: false })
  }
)
