import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"
import { DIGITAL_DELIVERY_MODULE } from "../../../modules/digital-delivery"
import type DigitalDeliveryModuleService from "../../../modules/digital-delivery/service"
import type { DeliveryLease } from "../../../modules/digital-delivery/service"
import { maskSecret } from "../../../modules/digital-delivery/methods"
import { assertDeliveryTransition } from "../../../modules/digital-delivery/state-machine"
import type { DeliveryDTO } from "../utils/types"

const OPEN = ["pending", "awaiting_recipient", "failed"]

/**
 * The delivery a person acts on, under the lease the workflow took.
 *
 * @throws MedusaError CONFLICT while another process holds the lease (an
 *   attempt in flight: it must not overwrite the person's action);
 *   NOT_ALLOWED for a delivered or revoked delivery.
 */
async function leasedOpenDelivery(
  service: DigitalDeliveryModuleService,
  id: string,
  lease: DeliveryLease | null,
  action: string
): Promise<DeliveryDTO> {
  if (!lease) {
    throw new MedusaError(MedusaError.Types.CONFLICT, `Delivery ${id} is being attempted right now; try again in a moment`)
  }
  const delivery = (await service.retrieveDelivery(id)) as unknown as DeliveryDTO
  if (!OPEN.includes(delivery.status) || delivery.revoke_requested_at) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Delivery ${id} is ${delivery.status}; it cannot be ${action}`)
  }
  return delivery
}

export const reopenDeliveryForRetryStepId = "order-ops-reopen-delivery-for-retry"

/**
 * "Retry now", before the attempt: a failed delivery (an unknown outcome
 * included: a person asked) starts the retry schedule again and is due now.
 * Compensation puts it back as it was.
 *
 * @throws MedusaError CONFLICT / NOT_ALLOWED, see `leasedOpenDelivery`.
 */
export const reopenDeliveryForRetryStep = createStep(
  reopenDeliveryForRetryStepId,
  async (input: { delivery_id: string; lease: DeliveryLease | null }, { container }) => {
    const service = container.resolve<DigitalDeliveryModuleService>(DIGITAL_DELIVERY_MODULE)
    const before = await leasedOpenDelivery(service, input.delivery_id, input.lease, "retried")
    if (before.status !== "failed") {
      return new StepResponse(before, null)
    }
    assertDeliveryTransition(before.status, "pending")
    const updated = (await service.updateDeliveries({
      id: before.id,
      status: "pending",
      attempts: 0,
      outcome_unknown: false,
      next_attempt_at: new Date(),
    })) as unknown as DeliveryDTO
    return new StepResponse(updated, before)
  },
  async (before, { container }) => {
    if (!before) {
      return
    }
    await container.resolve<DigitalDeliveryModuleService>(DIGITAL_DELIVERY_MODULE).updateDeliveries({
      id: before.id,
      status: before.status,
      attempts: before.attempts,
      outcome_unknown: before.outcome_unknown,
      next_attempt_at: before.next_attempt_at ? new Date(before.next_attempt_at) : null,
    })
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
 * email, a command typed on the server). Runs under the delivery's lease,
 * so an attempt in flight cannot overwrite it; releases the lease. Logged
 * as a manual attempt; the workflow writes the timeline entry and the
 * event. Compensation puts the delivery back as it was.
 *
 * @throws MedusaError CONFLICT / NOT_ALLOWED, see `leasedOpenDelivery`.
 */
export const markDeliveryDeliveredStep = createStep(
  markDeliveryDeliveredStepId,
  async (input: MarkDeliveredInput & { lease: DeliveryLease | null }, { container }) => {
    const service = container.resolve<DigitalDeliveryModuleService>(DIGITAL_DELIVERY_MODULE)
    const before = await leasedOpenDelivery(service, input.delivery_id, input.lease, "marked as delivered")
    assertDeliveryTransition(before.status, "delivered")
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
        ? `Marked as delivered by hand with code ${maskSecret(input.redemption_code)}`
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

export const closeOwedRevokeStepId = "order-ops-close-owed-revoke"

/**
 * A person closes an owed revoke that keeps failing (or whose outcome is
 * unknown) at the outside service, having dealt with it there. Under the
 * lease; releases it. Compensation reopens it.
 *
 * @throws MedusaError CONFLICT while the revoke is being tried; NOT_ALLOWED when none is owed.
 */
export const closeOwedRevokeStep = createStep(
  closeOwedRevokeStepId,
  async (input: { delivery_id: string; lease: DeliveryLease | null; actor_id?: string | null }, { container }) => {
    const service = container.resolve<DigitalDeliveryModuleService>(DIGITAL_DELIVERY_MODULE)
    if (!input.lease) {
      throw new MedusaError(MedusaError.Types.CONFLICT, `Delivery ${input.delivery_id} is being revoked right now; try again in a moment`)
    }
    const before = (await service.retrieveDelivery(input.delivery_id)) as unknown as DeliveryDTO
    if (before.status !== "revoked" || (!before.revoke_next_at && !before.outcome_unknown && !before.last_error)) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Delivery ${input.delivery_id} has no open revoke to close`)
    }
    const updated = (await service.updateDeliveries({
      id: before.id,
      revoke_next_at: null,
      outcome_unknown: false,
      last_error: null,
      locked_until: null,
    })) as unknown as DeliveryDTO
    const attempt = (await service.createDeliveryAttempts({
      delivery_id: before.id,
      kind: "manual",
      attempt: before.attempts,
      outcome: "delivered",
      message: "Revoke closed by hand",
      actor_id: input.actor_id ?? null,
    })) as unknown as { id: string }
    return new StepResponse(updated, { before, attempt_id: attempt.id })
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const service = container.resolve<DigitalDeliveryModuleService>(DIGITAL_DELIVERY_MODULE)
    await service.deleteDeliveryAttempts([undo.attempt_id])
    await service.updateDeliveries({
      id: undo.before.id,
      revoke_next_at: undo.before.revoke_next_at ? new Date(undo.before.revoke_next_at) : null,
      outcome_unknown: undo.before.outcome_unknown,
      last_error: undo.before.last_error,
    })
  }
)
