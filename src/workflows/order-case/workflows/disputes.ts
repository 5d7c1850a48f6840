import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, emitEventStep, releaseLockStep, useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { OrderOpsEvents } from "../../../events"
import type { DisputeStatus } from "../../../modules/order-case/dispute-state-machine"
import { recordOrderActivityStep } from "../../order-activity/steps/record-order-activity"
import { refreshOrderStatusWorkflow } from "../../order-status/workflows/refresh-order-status"
import { applyGatewayDisputeStep } from "../steps/apply-gateway-dispute"
import { findStripePaymentStep } from "../steps/find-gateway-payment"
import { sendDisputeStaffAlertStep } from "../steps/send-dispute-staff-alert"
import { createDisputeStep, type CreateDisputeStepInput, resolveDisputePaymentStep, updateDisputeStep, type UpdateDisputeStepInput } from "../steps/staff-disputes"
import { mapStripeDispute, type StripeDisputeObject } from "../utils/stripe-dispute"

/** Timeline kind for a dispute's move: opened, closed (won/lost/accepted) or updated. */
const disputeKind = (status: DisputeStatus, created: boolean) =>
  created ? "dispute.opened" : ["won", "lost", "accepted"].includes(status) ? "dispute.closed" : "dispute.updated"

export const applyStripeDisputeEventWorkflowId = "order-ops-apply-stripe-dispute-event"

/** Input of {@link applyStripeDisputeEventWorkflow}: a verified Stripe event. */
export type ApplyStripeDisputeEventInput = {
  event_id: string
  type: "charge.dispute.created" | "charge.dispute.updated" | "charge.dispute.closed" | string
  dispute: StripeDisputeObject
}

/**
 * Applies a verified Stripe `charge.dispute.*` event: finds the order
 * through the payment's data, creates or moves the dispute (exactly once
 * per event id; unknown payments recorded as ignored), writes the
 * timeline, alerts staff on a new dispute and recomputes the order's
 * statuses (lost → payment status Disputed). Locked per Stripe dispute, so
 * events for one dispute apply one after the other.
 */
export const applyStripeDisputeEventWorkflow = createWorkflow(
  applyStripeDisputeEventWorkflowId,
  function (input: ApplyStripeDisputeEventInput) {
    const mapped = transform({ input }, ({ input }) => mapStripeDispute(input.dispute))
    const lockKey = transform({ mapped }, ({ mapped }) => `order-ops-stripe-dispute:${mapped.gateway_dispute_id}`)
    acquireLockStep({ key: lockKey, timeout: 30, ttl: 60 })
    const match = findStripePaymentStep(
      transform({ mapped }, ({ mapped }) => ({ payment_intent_id: mapped.payment_intent_id, charge_id: mapped.charge_id }))
    )
    const result = applyGatewayDisputeStep(
      transform({ input, mapped, match }, ({ input, mapped, match }) => ({
        gateway: "stripe",
        event_id: input.event_id,
        type: input.type,
        dispute: mapped,
        match,
      }))
    )
    when("dispute-applied", { result }, ({ result }) => result.outcome === "applied" && !result.replay && !!result.dispute).then(() => {
      recordOrderActivityStep(
        transform({ result, input }, ({ result, input }) => [
          {
            order_id: result.dispute!.order_id,
            kind: disputeKind(result.dispute!.status, result.created),
            actor_type: "system" as const,
            actor_id: null,
            resource_type: "order_dispute",
            resource_id: result.dispute!.id,
            data: {
              status: result.dispute!.status,
              previous_status: result.previous_status,
              amount: result.dispute!.amount,
              currency_code: result.dispute!.currency_code,
              reason: result.dispute!.reason,
              evidence_due_by: result.dispute!.evidence_due_by,
              gateway: "stripe",
              gateway_event: input.type,
            },
          },
        ])
      ).config({ name: "record-dispute-activity" })
      refreshOrderStatusWorkflow.runAsStep({
        input: transform({ result }, ({ result }) => ({ order_ids: [result.dispute!.order_id] })),
      })
      emitEventStep({
        eventName: OrderOpsEvents.DISPUTE_UPDATED,
        data: transform({ result }, ({ result }) => ({ id: result.dispute!.id, order_id: result.dispute!.order_id, status: result.dispute!.status })),
      }).config({ name: "emit-dispute-updated" })
    })
    when("dispute-created", { result }, ({ result }) => result.created && !!result.dispute).then(() => {
      const { data: orders } = useQueryGraphStep({
        entity: "order",
        fields: ["id", "display_id"],
        filters: transform({ result }, ({ result }) => ({ id: result.dispute!.order_id })),
      }).config({ name: "load-disputed-order" })
      sendDisputeStaffAlertStep(
        transform({ result, orders }, ({ result, orders }) => ({
          dispute_id: result.dispute!.id,
          order_id: result.dispute!.order_id,
          order_display_id: (orders[0]?.display_id as unknown as number | undefined) ?? null,
          amount: result.dispute!.amount,
          currency_code: result.dispute!.currency_code,
          reason: result.dispute!.reason,
          evidence_due_by: result.dispute!.evidence_due_by,
        }))
      )
    })
    releaseLockStep({ key: lockKey })
    return new WorkflowResponse(result)
  }
)

export const createDisputeWorkflowId = "order-ops-create-dispute"

/**
 * Staff record a dispute on an order (from the order page): the dispute,
 * a `dispute.opened` timeline entry, the staff alert, `order_ops.dispute.opened`
 * and the order's statuses recomputed.
 *
 * @throws MedusaError NOT_FOUND for an unknown order; INVALID_DATA when the payment is not the order's.
 */
export const createDisputeWorkflow = createWorkflow(
  createDisputeWorkflowId,
  function (input: CreateDisputeStepInput) {
    const { data: orders } = useQueryGraphStep({
      entity: "order",
      fields: ["id", "display_id", "currency_code", "payment_collections.payments.id"],
      filters: { id: input.order_id },
      options: { throwIfKeyNotFound: true },
    }).config({ name: "load-order" })
    const checked = resolveDisputePaymentStep({ input, order: transform({ orders }, ({ orders }) => orders[0] as never) })
    const dispute = createDisputeStep(checked)
    recordOrderActivityStep(
      transform({ dispute, input }, ({ dispute, input }) => [
        {
          order_id: dispute.order_id,
          kind: "dispute.opened",
          actor_type: input.actor_id ? ("user" as const) : ("system" as const),
          actor_id: input.actor_id ?? null,
          resource_type: "order_dispute",
          resource_id: dispute.id,
          data: {
            status: dispute.status,
            amount: dispute.amount,
            currency_code: dispute.currency_code,
            reason: dispute.reason,
            evidence_due_by: dispute.evidence_due_by,
          },
        },
      ])
    )
    sendDisputeStaffAlertStep(
      transform({ dispute, orders }, ({ dispute, orders }) => ({
        dispute_id: dispute.id,
        order_id: dispute.order_id,
        order_display_id: (orders[0]?.display_id as unknown as number | undefined) ?? null,
        amount: dispute.amount,
        currency_code: dispute.currency_code,
        reason: dispute.reason,
        evidence_due_by: dispute.evidence_due_by,
      }))
    )
    emitEventStep({
      eventName: OrderOpsEvents.DISPUTE_OPENED,
      data: transform({ dispute }, ({ dispute }) => ({ id: dispute.id, order_id: dispute.order_id })),
    })
    refreshOrderStatusWorkflow.runAsStep({
      input: transform({ dispute }, ({ dispute }) => ({ order_ids: [dispute.order_id] })),
    })
    return new WorkflowResponse(dispute)
  }
)

export const updateDisputeWorkflowId = "order-ops-update-dispute"

/**
 * Staff move a dispute (Under review, Won, Lost, Accepted) or edit its
 * notes and due date; a move is recorded on the timeline and recomputes
 * the order's statuses.
 *
 * @throws MedusaError NOT_FOUND for an unknown dispute; NOT_ALLOWED for an illegal move.
 */
export const updateDisputeWorkflow = createWorkflow(
  updateDisputeWorkflowId,
  function (input: UpdateDisputeStepInput & { actor_id?: string | null }) {
    const result = updateDisputeStep(input)
    recordOrderActivityStep(
      transform({ result, input }, ({ result, input }) => [
        {
          order_id: result.dispute.order_id,
          kind: result.before.status === result.dispute.status
            ? "dispute.updated"
            : disputeKind(result.dispute.status, false),
          actor_type: input.actor_id ? ("user" as const) : ("system" as const),
          actor_id: input.actor_id ?? null,
          resource_type: "order_dispute",
          resource_id: result.dispute.id,
          data: {
            status: result.dispute.status,
            previous_status: result.before.status,
            amount: result.dispute.amount,
            currency_code: result.dispute.currency_code,
            evidence_due_by: result.dispute.evidence_due_by,
          },
        },
      ])
    )
    emitEventStep({
      eventName: OrderOpsEvents.DISPUTE_UPDATED,
      data: transform({ result }, ({ result }) => ({ id: result.dispute.id, order_id: result.dispute.order_id, status: result.dispute.status })),
    })
    refreshOrderStatusWorkflow.runAsStep({
      input: transform({ result }, ({ result }) => ({ order_ids: [result.dispute.order_id] })),
    })
    return new WorkflowResponse(result.dispute)
  }
)
