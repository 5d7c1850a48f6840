import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"
import { DIGITAL_DELIVERY_MODULE } from "../../../modules/digital-delivery"
import type DigitalDeliveryModuleService from "../../../modules/digital-delivery/service"
import { attemptDelivery, maskCode } from "../utils/attempt-delivery"
import type { DeliveryDTO } from "../utils/types"

const OPEN = ["pending", "awaiting_recipient", "failed"]

async function openDelivery(service: DigitalDeliveryModuleService, id: string, action: string): Promise<DeliveryDTO> {
  const delivery = (await service.retrieveDelivery(id)) as unknown as DeliveryDTO
  if (!OPEN.includes(delivery.status)) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `Delivery ${id} is ${delivery.status}; it cannot be ${action}`
    )
  }
  return delivery
}

export const retryDeliveryNowStepId = "order-ops-retry-delivery-now"

/**
 * "Retry now": attempts a pending, waiting or failed delivery at once; a
 * failed one starts the retry schedule again. An "unknown outcome" delivery
 * is retried only because a person asked. Nothing to undo.
 *
 * @throws MedusaError NOT_ALLOWED for a delivered or revoked delivery;
 *   CONFLICT while another process is attempting it.
 */
export const retryDeliveryNowStep = createStep(
  retryDeliveryNowStepId,
  async (input: { delivery_id: string; actor_id?: string | null }, { container }) => {
    const service = container.resolve<DigitalDeliveryModuleService>(DIGITAL_DELIVERY_MODULE)
    const delivery = await openDelivery(service, input.delivery_id, "retried")
    if (!(await service.leaseDelivery(delivery.id))) {
      throw new MedusaError(MedusaError.Types.CONFLICT, `Delivery ${delivery.id} is being attempted right now`)
    }
    if (delivery.status === "failed") {
      await service.updateDeliveries({ id: delivery.id, status: "pending", attempts: 0, outcome_unknown: false })
    }
    return new StepResponse(await attemptDelivery(container, delivery.id, input.actor_id ?? null))
  }
)

export type MarkDeliveredInput = {
  delivery_id: string
  redemption_code?: string | null
  notes?: string | null
  actor_id?: string | null
}

export const markDeliveryDeliveredStepId = "order-ops-mark-delivery-delivered"

/**
 * "Mark as delivered": a person delivered the item another way (a code by
 * email, a command typed on the server). Logged as a manual attempt; the
 * workflow writes the timeline entry and the event.
 * Compensation puts the delivery back as it was.
 */
export const markDeliveryDeliveredStep = createStep(
  markDeliveryDeliveredStepId,
  async (input: MarkDeliveredInput, { container }) => {
    const service = container.resolve<DigitalDeliveryModuleService>(DIGITAL_DELIVERY_MODULE)
    const before = await openDelivery(service, input.delivery_id, "marked as delivered")
    const updated = (await service.updateDeliveries({
      id: before.id,
      status: "delivered",
      delivered_at: new Date(),
      delivered_by: input.actor_id ?? null,
      redemption_code: input.redemption_code ?? null,
      notes: input.notes ?? null,
      next_attempt_at: null,
      outcome_unknown: false,
      last_error: null,
      locked_until: null,
    })) as unknown as DeliveryDTO
    const attempt = (await service.createDeliveryAttempts({
      delivery_id: before.id,
      kind: "manual",
      attempt: before.attempts,
      outcome: "delivered",
      message: input.redemption_code
        ? `Marked as delivered by hand with code ${maskCode(input.redemption_code)}`
        : "Marked as delivered by hand",
      request: input.notes ? { notes: input.notes } : null,
      actor_id: input.actor_id ?? null,
    })) as unknown as { id: string }
    return new StepResponse(updated, { before, attempt_id: attempt.id })
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const service = container.resolve<DigitalDeliveryModuleService>(DIGITAL_DELIVERY_MODULE)
    const { before } = undo
    await service.deleteDeliveryAttempts([undo.attempt_id])
    await service.updateDeliveries({
      id: before.id,
      status: before.status,
      delivered_at: null,
      delivered_by: before.delivered_by,
      redemption_code: before.redemption_code,
      notes: before.notes,
      next_attempt_at: before.next_attempt_at ? new Date(before.next_attempt_at) : null,
      outcome_unknown: before.outcome_unknown,
      last_error: before.last_error,
    })
  }
)
