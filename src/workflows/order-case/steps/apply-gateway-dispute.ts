import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ORDER_CASE_MODULE } from "../../../modules/order-case"
import {
  canTransitionDispute,
  CLOSED_DISPUTE_STATUSES,
  DISPUTE_STATUS_LABELS,
  type DisputeStatus,
} from "../../../modules/order-case/dispute-state-machine"
import type OrderCaseModuleService from "../../../modules/order-case/service"
import type { AdminDispute } from "../../../types/order-case"
import type { GatewayPaymentMatch } from "./find-gateway-payment"
import type { MappedStripeDispute } from "../utils/stripe-dispute"

export type ApplyGatewayDisputeStepInput = {
  gateway: string
  event_id: string
  type: string
  dispute: MappedStripeDispute
  match: GatewayPaymentMatch
}

/** What one gateway event did. */
export type ApplyGatewayDisputeResult = {
  outcome: "applied" | "ignored"
  detail: string | null
  dispute: AdminDispute | null
  created: boolean
  previous_status: DisputeStatus | null
  /** This event was seen before: nothing was done. */
  replay: boolean
}

/** What compensation undoes; `event_id` null for a replay, which wrote nothing. */
type Undo = { event_id: string | null; created_dispute_id?: string; restore?: Record<string, unknown> }

const plain = (value: unknown) => JSON.parse(JSON.stringify(value))

/**
 * Applies one verified gateway dispute event, exactly once per event id:
 * a replayed event id answers `replay` and writes nothing. Otherwise the
 * event is recorded (unique index on gateway + event id) with its outcome:
 * `ignored` when no payment matches, or when the move is illegal (a late
 * `under_review` after `won`); else the dispute is created (first event) or
 * moved through the transitions table and its amount and due date updated.
 * Compensation deletes the event row and undoes the dispute write.
 */
export const applyGatewayDisputeStep = createStep(
  "order-ops-apply-gateway-dispute",
  async (input: ApplyGatewayDisputeStepInput, { container }) => {
    const service = container.resolve<OrderCaseModuleService>(ORDER_CASE_MODULE)
    const [seen] = await service.listDisputeGatewayEvents(
      { gateway: input.gateway, event_id: input.event_id },
      { take: 1 }
    )
    if (seen) {
      const result: ApplyGatewayDisputeResult = {
        outcome: seen.outcome,
        detail: "replay",
        dispute: null,
        created: false,
        previous_status: null,
        replay: true,
      }
      return new StepResponse<ApplyGatewayDisputeResult, Undo>(result, { event_id: null })
    }
    const d = input.dispute
    const record = async (outcome: "applied" | "ignored", detail: string | null, disputeId: string | null) =>
      service.createDisputeGatewayEvents({
        gateway: input.gateway,
        event_id: input.event_id,
        type: input.type,
        outcome,
        detail,
        dispute_id: disputeId,
        gateway_dispute_id: d.gateway_dispute_id,
        payload: plain(d),
      })

    const [existing] = await service.listDisputes(
      { gateway: input.gateway, gateway_dispute_id: d.gateway_dispute_id },
      { take: 1 }
    )
    if (!existing && !input.match) {
      const detail = `no payment matches ${d.payment_intent_id ?? d.charge_id ?? "this dispute"}`
      await record("ignored", detail, null)
      return new StepResponse<ApplyGatewayDisputeResult, Undo>(
        { outcome: "ignored", detail, dispute: null, created: false, previous_status: null, replay: false },
        { event_id: input.event_id }
      )
    }
    if (!existing) {
      const created = await service.createDisputes({
        order_id: input.match!.order_id,
        payment_id: input.match!.payment_id,
        amount: d.amount,
        currency_code: d.currency_code,
        reason: d.reason,
        status: d.status,
        opened_at: d.opened_at,
        evidence_due_by: d.evidence_due_by,
        closed_at: CLOSED_DISPUTE_STATUSES.includes(d.status) ? new Date() : null,
        gateway: input.gateway,
        gateway_dispute_id: d.gateway_dispute_id,
      })
      await record("applied", null, created.id)
      return new StepResponse<ApplyGatewayDisputeResult, Undo>(
        { outcome: "applied", detail: null, dispute: plain({ ...created, amount: Number(created.amount) }), created: true, previous_status: null, replay: false },
        { event_id: input.event_id, created_dispute_id: created.id }
      )
    }
    const from = existing.status as DisputeStatus
    if (from !== d.status && !canTransitionDispute(from, d.status)) {
      const detail = `status: cannot go from ${DISPUTE_STATUS_LABELS[from]} to ${DISPUTE_STATUS_LABELS[d.status]}`
      await record("ignored", detail, existing.id)
      return new StepResponse<ApplyGatewayDisputeResult, Undo>(
        { outcome: "ignored", detail, dispute: plain(existing), created: false, previous_status: from, replay: false },
        { event_id: input.event_id }
      )
    }
    const restore = {
      id: existing.id,
      status: existing.status,
      amount: Number(existing.amount),
      evidence_due_by: existing.evidence_due_by,
      closed_at: existing.closed_at,
      reason: existing.reason,
    }
    const updated = await service.updateDisputes({
      id: existing.id,
      status: d.status,
      amount: d.amount,
      reason: d.reason,
      evidence_due_by: d.evidence_due_by,
      closed_at: CLOSED_DISPUTE_STATUSES.includes(d.status) ? existing.closed_at ?? new Date() : null,
    })
    await record("applied", null, existing.id)
    return new StepResponse<ApplyGatewayDisputeResult, Undo>(
      { outcome: "applied", detail: null, dispute: plain({ ...updated, amount: Number(updated.amount) }), created: false, previous_status: from, replay: false },
      { event_id: input.event_id, restore }
    )
  },
  async (undo, { container }) => {
    if (!undo?.event_id) {
      return
    }
    const service = container.resolve<OrderCaseModuleService>(ORDER_CASE_MODULE)
    const events = await service.listDisputeGatewayEvents({ event_id: undo.event_id })
    if (events.length) {
      await service.deleteDisputeGatewayEvents(events.map((e) => e.id))
    }
    if (undo.created_dispute_id) {
      await service.deleteDisputes(undo.created_dispute_id)
    }
    if (undo.restore) {
      await service.updateDisputes(undo.restore as never)
    }
  }
)
