import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep, useQueryGraphStep } from "@medusajs/medusa/core-flows"
import type { DeliveryLease } from "../../../modules/digital-delivery/service"
import { assertOrderNotHeldStep } from "../../order-case/steps/assert-order-not-held"
import { recordOrderActivityStep } from "../../order-activity/steps/record-order-activity"
import { enqueueOrderWebhooks } from "../../order-webhooks/workflows/enqueue-order-webhook-events"
import type { OrderWebhookSource } from "../../order-webhooks/steps/build-order-webhook-events"
import { beginOrderStatusComputationStep } from "../../order-status/steps/begin-order-status-computation"
import { writeOrderDeliveryStatusesStep } from "../../order-status/steps/write-order-delivery-statuses"
import { DELIVERY_STATUS_SOURCE_FIELDS } from "../../order-status/utils/compute-delivery-status"
import { beginDeliveryAttemptStep } from "../steps/begin-delivery-attempt"
import { leaseDeliveryStep } from "../steps/lease-delivery"
import { prepareDeliveryAttemptStep, type DeliveryAttemptKind } from "../steps/prepare-delivery-attempt"
import { recordDeliveryOutcomeStep } from "../steps/record-delivery-outcome"
import { releaseDeliveryLeaseStep } from "../steps/release-delivery-lease"
import { requestDeliveryFollowUpsStep } from "../steps/request-delivery-follow-ups"
import type { FollowUpKind } from "../../../modules/digital-delivery/models/follow-up"
import { runDeliveryMethodStep } from "../steps/run-delivery-method"
import { deliveryActivityEntry, deliveryEvent } from "../utils/delivery-activity"

export const runDeliveryWorkflowId = "order-ops-run-delivery"

/** Input of {@link runDeliveryWorkflow}. */
export type RunDeliveryWorkflowInput = {
  delivery_id: string
  /** `deliver` (default) or `revoke` (an owed revoke, see `revokeOrderDeliveriesWorkflow`). */
  kind?: DeliveryAttemptKind
  /** The lease when the caller took it (the sweep); otherwise the workflow takes it. */
  lease?: DeliveryLease | null
  /** Count the outside target's open leases when taking the lease. Default true. */
  respect_target_limit?: boolean
  reason?: string | null
  actor_id?: string | null
}

/**
 * One attempt at one delivery, exactly once as far as the outside world
 * can tell:
 * 0. refuse while the order is on hold (deliver only; a revoke still runs);
 * 1. lease the delivery (fencing token) — or use the sweep's lease;
 * 2. load it and check the move against `DELIVERY_TRANSITIONS`; an attempt a
 *    dead worker left `sending` is resolved by the method (webhook: resend,
 *    same `webhook-id`; Discord: resend; RCON: outcome unknown, a person decides);
 * 3. write the attempt row as `sending`, with the request summary, BEFORE any outside call;
 * 4. run the method from the registry;
 * 5. record the outcome and release the lease, only while the token is ours
 *    (else the row says `superseded` and nothing changes);
 * 6. timeline entry, the order's delivery status (written alone: nothing else the
 *    order's statuses depend on moved), a delivered item's follow-ups marked due
 *    (instructions email, completion), event (`order_ops.delivery.*`) and the
 *    outgoing webhooks' outbox (`delivery.delivered` / `delivery.failed`).
 * A step that throws gives the lease back and marks the row `interrupted`.
 */
export const runDeliveryWorkflow = createWorkflow(runDeliveryWorkflowId, function (input: RunDeliveryWorkflowInput) {
  // An order on hold gets nothing delivered (an owed revoke still runs); its deliveries wait for the release.
  when({ input }, ({ input }) => (input.kind ?? "deliver") === "deliver").then(() => {
    assertOrderNotHeldStep({ delivery_id: input.delivery_id })
  })
  const lease = leaseDeliveryStep({
    delivery_id: input.delivery_id,
    lease: input.lease,
    respect_target_limit: input.respect_target_limit,
  })
  const plan = prepareDeliveryAttemptStep(
    transform({ input, lease }, ({ input, lease }) => ({
      delivery_id: input.delivery_id,
      kind: input.kind ?? ("deliver" as const),
      lease,
      reason: input.reason ?? null,
      actor_id: input.actor_id ?? null,
    }))
  )
  const attempt = beginDeliveryAttemptStep(plan)
  const result = runDeliveryMethodStep({ plan, attempt })
  const outcome = recordDeliveryOutcomeStep({ plan, attempt, result })

  when({ plan, lease }, ({ plan, lease }) => !!plan.skip && !!lease).then(() => {
    releaseDeliveryLeaseStep(lease)
  })
  when({ outcome }, ({ outcome }) => outcome.changed).then(() => {
    recordOrderActivityStep(
      transform({ outcome, input }, ({ outcome, input }) => [
        deliveryActivityEntry(outcome.delivery, input.actor_id ?? null, outcome.message),
      ])
    )
    // The order's delivery status, here rather than by a full status refresh on the event:
    // an attempt changes nothing else the order's statuses are computed from.
    const computedAt = beginOrderStatusComputationStep()
    const siblings = useQueryGraphStep({
      entity: "delivery",
      fields: DELIVERY_STATUS_SOURCE_FIELDS,
      filters: transform({ outcome }, ({ outcome }) => ({ order_id: outcome.delivery.order_id })),
    }).config({ name: "load-order-deliveries-for-status" })
    writeOrderDeliveryStatusesStep(
      transform({ outcome, computedAt, siblings }, ({ outcome, computedAt, siblings }) => ({
        computed_at: computedAt,
        order_ids: [outcome.delivery.order_id],
        deliveries: siblings.data as unknown as { order_id: string; status: string; outcome_unknown: boolean | null }[],
      }))
    )
    // A delivered item's follow-ups (instructions email, completion) are marked
    // due by this workflow, with the delivery it follows: the event's
    // subscriber only runs them, and a crash before it ran leaves them due.
    requestDeliveryFollowUpsStep(
      transform({ outcome }, ({ outcome }) => ({
        order_id: outcome.delivery.order_id,
        kinds: outcome.delivery.status === "delivered" ? (["instructions", "completion"] as FollowUpKind[]) : [],
      }))
    )
    emitEventStep(transform({ outcome }, ({ outcome }) => deliveryEvent(outcome.delivery)))
    enqueueOrderWebhooks(
      transform({ outcome }, ({ outcome }): OrderWebhookSource[] =>
        outcome.delivery.status === "delivered" || outcome.delivery.status === "failed"
          ? [{ source: `delivery.${outcome.delivery.status}`, id: outcome.delivery.id }]
          : []
      )
    )
  })

  return new WorkflowResponse(
    transform({ outcome, plan }, ({ outcome, plan }) => ({
      delivery: outcome.delivery,
      skipped: !!plan.skip,
      recorded: outcome.recorded,
    }))
  )
})
