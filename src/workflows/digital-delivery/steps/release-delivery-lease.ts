import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DIGITAL_DELIVERY_MODULE } from "../../../modules/digital-delivery"
import type DigitalDeliveryModuleService from "../../../modules/digital-delivery/service"
import type { DeliveryLease } from "../../../modules/digital-delivery/service"

export const releaseDeliveryLeaseStepId = "order-ops-release-delivery-lease"

/** Gives back a lease that nothing was done under (only if the token is still ours). Nothing to undo. */
export const releaseDeliveryLeaseStep = createStep(
  releaseDeliveryLeaseStepId,
  async (lease: DeliveryLease | null, { container }) => {
    if (lease) {
      await container.resolve<DigitalDeliveryModuleService>(DIGITAL_DELIVERY_MODULE).releaseLease(lease.id, lease.lease_token)
    }
    return new StepResponse(true)
  }
)
