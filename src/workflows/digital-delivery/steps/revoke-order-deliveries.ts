import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DIGITAL_DELIVERY_MODULE } from "../../../modules/digital-delivery"
import type DigitalDeliveryModuleService from "../../../modules/digital-delivery/service"
import type { DeliveryDTO } from "../utils/types"

export const requestDeliveryRevokesStepId = "order-ops-request-delivery-revokes"

type Owed = Pick<DeliveryDTO, "id" | "revoke_requested_at" | "revoke_next_at">

/**
 * A full refund or a cancellation: every delivery of the order not yet
 * revoked owes a revoke, due now. Only the revoke columns are written (no
 * attempt ever writes them), so this needs no lease: an attempt in flight
 * finishes, then the revoke runs under the lease — right after this
 * workflow, or by the sweep — and takes back whatever the attempt gave.
 * Deliveries stop being attempted as soon as a revoke is owed.
 * Compensation restores the revoke columns.
 */
export const requestDeliveryRevokesStep = createStep(
  requestDeliveryRevokesStepId,
  async (input: { order_id: string; reason: string }, { container }) => {
    const service = container.resolve<DigitalDeliveryModuleService>(DIGITAL_DELIVERY_MODULE)
    const deliveries = (await service.listDeliveries({ order_id: input.order_id })) as unknown as DeliveryDTO[]
    const owed = deliveries.filter((d) => d.status !== "revoked" && !d.revoke_requested_at)
    if (!owed.length) {
      return new StepResponse([] as string[], [] as Owed[])
    }
    const now = new Date()
    await service.updateDeliveries(owed.map((d) => ({ id: d.id, revoke_requested_at: now, revoke_next_at: now })))
    return new StepResponse(
      owed.map((d) => d.id),
      owed.map((d) => ({ id: d.id, revoke_requested_at: d.revoke_requested_at, revoke_next_at: d.revoke_next_at }))
    )
  },
  async (before, { container }) => {
    if (!before?.length) {
      return
    }
    await container.resolve<DigitalDeliveryModuleService>(DIGITAL_DELIVERY_MODULE).updateDeliveries(
      before.map((d) => ({
        id: d.id,
        revoke_requested_at: d.revoke_requested_at ? new Date(d.revoke_requested_at) : null,
        revoke_next_at: d.revoke_next_at ? new Date(d.revoke_next_at) : null,
      }))
    )
  }
)
