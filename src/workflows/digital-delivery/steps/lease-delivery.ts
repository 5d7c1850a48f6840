import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"
import { DIGITAL_DELIVERY_MODULE } from "../../../modules/digital-delivery"
import type DigitalDeliveryModuleService from "../../../modules/digital-delivery/service"
import type { DeliveryLease } from "../../../modules/digital-delivery/service"

export const leaseDeliveryStepId = "order-ops-lease-delivery"

/** Input of {@link leaseDeliveryStep}. */
export type LeaseDeliveryStepInput = {
  delivery_id: string
  /** A lease the caller already holds (the sweep leases before it runs the workflow). */
  lease?: DeliveryLease | null
  /** Count the outside target's open leases (false for a person's action, which must not wait on the limit). Default true. */
  respect_target_limit?: boolean
}

/**
 * Takes the delivery's lease, raising its fencing token, unless the caller
 * already holds one; answers null when another process holds it (or its
 * target is at its limit).
 *
 * @throws MedusaError NOT_FOUND when the delivery does not exist. Compensation gives the lease back, only if it is
 * still ours.
 */
export const leaseDeliveryStep = createStep(
  leaseDeliveryStepId,
  async (input: LeaseDeliveryStepInput, { container }) => {
    const service = container.resolve<DigitalDeliveryModuleService>(DIGITAL_DELIVERY_MODULE)
    const lease =
      input.lease ?? (await service.leaseDelivery(input.delivery_id, { respect_target_limit: input.respect_target_limit }))
    if (!lease && !(await service.listDeliveries({ id: input.delivery_id }, { select: ["id"] })).length) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Delivery with id: ${input.delivery_id} was not found`)
    }
    return new StepResponse(lease, lease)
  },
  async (lease, { container }) => {
    if (lease) {
      await container.resolve<DigitalDeliveryModuleService>(DIGITAL_DELIVERY_MODULE).releaseLease(lease.id, lease.lease_token)
    }
  }
)
