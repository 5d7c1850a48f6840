import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ORDER_CASE_MODULE } from "../../../modules/order-case"
import {
  assertDisputeTransition,
  CLOSED_DISPUTE_STATUSES,
  type DisputeReason,
  type DisputeStatus,
} from "../../../modules/order-case/dispute-state-machine"
import type OrderCaseModuleService from "../../../modules/order-case/service"
import type { AdminDispute } from "../../../types/order-case"

const plain = (value: unknown): AdminDispute => {
  const v = JSON.parse(JSON.stringify(value))
  return { ...v, amount: Number(v.amount) }
}

export type CreateDisputeStepInput = {
  order_id: string
  payment_id?: string | null
  amount: number
  currency_code: string
  reason: DisputeReason
  status?: DisputeStatus
  opened_at?: Date | null
  evidence_due_by?: Date | null
  gateway_dispute_id?: string | null
  notes?: string | null
  actor_id?: string | null
}

/**
 * Checks the payment a staff dispute names belongs to the order (the
 * order's first payment when none is named) and fills in the order's
 * currency. Reads only.
 *
 * @throws MedusaError INVALID_DATA `payment_id: … is not a payment of this order`.
 */
export const resolveDisputePaymentStep = createStep(
  "order-ops-resolve-dispute-payment",
  async (
    data: {
      input: CreateDisputeStepInput
      order: { currency_code: string; payment_collections?: { payments?: { id: string }[] | null }[] | null }
    }
  ) => {
    const paymentIds = (data.order.payment_collections ?? []).flatMap((c) => (c.payments ?? []).map((p) => p.id))
    if (data.input.payment_id && !paymentIds.includes(data.input.payment_id)) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `payment_id: ${data.input.payment_id} is not a payment of this order`
      )
    }
    return new StepResponse<CreateDisputeStepInput>({
      ...data.input,
      payment_id: data.input.payment_id ?? paymentIds[0] ?? null,
      currency_code: data.input.currency_code || data.order.currency_code,
    })
  }
)

/** Records a dispute entered by staff. Compensation deletes it. */
export const createDisputeStep = createStep(
  "order-ops-create-dispute",
  async (input: CreateDisputeStepInput, { container }) => {
    const service = container.resolve<OrderCaseModuleService>(ORDER_CASE_MODULE)
    const status = input.status ?? "needs_response"
    const created = await service.createDisputes({
      order_id: input.order_id,
      payment_id: input.payment_id ?? null,
      amount: input.amount,
      currency_code: input.currency_code,
      reason: input.reason,
      status,
      opened_at: input.opened_at ?? new Date(),
      evidence_due_by: input.evidence_due_by ?? null,
      closed_at: CLOSED_DISPUTE_STATUSES.includes(status) ? new Date() : null,
      gateway: null,
      gateway_dispute_id: input.gateway_dispute_id ?? null,
      notes: input.notes ?? null,
      created_by: input.actor_id ?? null,
    })
    return new StepResponse(plain(created), created.id)
  },
  async (id, { container }) => {
    if (id) {
      await container.resolve<OrderCaseModuleService>(ORDER_CASE_MODULE).deleteDisputes(id)
    }
  }
)

export type UpdateDisputeStepInput = {
  id: string
  status?: DisputeStatus
  notes?: string | null
  evidence_due_by?: Date | null
}

/**
 * Moves a dispute (through the transitions table) or edits its notes and
 * due date. Answers the dispute before and after. Compensation restores it.
 *
 * @throws MedusaError NOT_FOUND for an unknown dispute; NOT_ALLOWED for an illegal move.
 */
export const updateDisputeStep = createStep(
  "order-ops-update-dispute",
  async (input: UpdateDisputeStepInput, { container }) => {
    const service = container.resolve<OrderCaseModuleService>(ORDER_CASE_MODULE)
    const [before] = await service.listDisputes({ id: input.id }, { take: 1 })
    if (!before) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Dispute with id: ${input.id} was not found`)
    }
    const from = before.status as DisputeStatus
    if (input.status && input.status !== from) {
      assertDisputeTransition(from, input.status)
    }
    const closing = input.status && CLOSED_DISPUTE_STATUSES.includes(input.status)
    const updated = await service.updateDisputes({
      id: input.id,
      ...(input.status ? { status: input.status, closed_at: closing ? before.closed_at ?? new Date() : null } : {}),
      ...(input.notes !== undefined ? { notes: input.notes } : {}),
      ...(input.evidence_due_by !== undefined ? { evidence_due_by: input.evidence_due_by } : {}),
    })
    return new StepResponse(
      { before: plain(before), dispute: plain(updated) },
      {
        id: before.id,
        status: before.status,
        closed_at: before.closed_at,
        notes: before.notes,
        evidence_due_by: before.evidence_due_by,
      }
    )
  },
  async (restore, { container }) => {
    if (restore) {
      await container.resolve<OrderCaseModuleService>(ORDER_CASE_MODULE).updateDisputes(restore as never)
    }
  }
)
