import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import {
  acquireLockStep,
  cancelOrderFulfillmentWorkflow,
  createOrderShipmentWorkflow,
  markOrderFulfillmentAsDeliveredWorkflow,
  releaseLockStep,
  useQueryGraphStep,
} from "@medusajs/medusa/core-flows"
import type { ShipmentStatusValue } from "../../../modules/shipment/state-machine"
import { hasParcelLeft, SHIPMENT_STATUS_LABELS } from "../../../modules/shipment/state-machine"
import { recordOrderActivityStep } from "../../order-activity/steps/record-order-activity"
import { refreshOrderStatusWorkflow } from "../../order-status/workflows/refresh-order-status"
import { announceShipmentMoves, type ShipmentMove } from "../utils/announce-shipment-moves"
import { recordShipmentEventStep } from "../steps/record-shipment-event"

/** Input of {@link recordShipmentEventWorkflow}. */
export type RecordShipmentEventWorkflowInput = {
  shipment_id: string
  status: ShipmentStatusValue
  /** When it happened (default now). Older than the newest applied event → recorded, not applied. */
  occurred_at?: Date
  /** `manual` (admin), `carrier` (webhook or poll) or `system`. */
  source?: "manual" | "carrier" | "system"
  /** Carrier's event id: a replay with the same id has no effect. */
  provider_event_id?: string | null
  message?: string | null
  location?: string | null
  /** The admin user, for manual updates. */
  actor_id?: string | null
  /** A person's update: an illegal move is a 400 instead of being recorded and ignored. */
  strict?: boolean
  /**
   * Recompute the order's persisted statuses after an applied move (default
   * true). The webhook drain passes false and recomputes once per order per batch.
   */
  refresh_order_status?: boolean
  data?: Record<string, unknown> | null
}

export const recordShipmentEventWorkflowId = "order-ops-record-shipment-event"


/**
 * The one way a shipment's status changes, for every source: manual updates,
 * Mark as delivered / picked up, Cancel, carrier webhooks and polls.
 *
 * Duplicates (same provider event id) are ignored; late events are recorded
 * but never move the shipment backwards. An applied move keeps Medusa in step
 * through its own workflows — the fulfillment is marked shipped when the
 * parcel first moves, delivered on delivery, canceled on cancel while it has
 * not shipped — then writes a timeline entry, recomputes the order's
 * persisted statuses and emits
 * `order_ops.shipment.status_changed`.
 *
 * @throws MedusaError NOT_FOUND for an unknown shipment.
 * @throws MedusaError INVALID_DATA "cannot go from X to Y" for an illegal strict move.
 */
export const recordShipmentEventWorkflow = createWorkflow(
  recordShipmentEventWorkflowId,
  function (input: RecordShipmentEventWorkflowInput) {
    acquireLockStep({ key: input.shipment_id, timeout: 10, ttl: 120 })

    const result = recordShipmentEventStep(
      transform({ input }, ({ input }) => ({
        shipment_id: input.shipment_id,
        status: input.status,
        occurred_at: input.occurred_at,
        source: input.source ?? "manual",
        provider_event_id: input.provider_event_id ?? null,
        message: input.message ?? null,
        location: input.location ?? null,
        actor_id: input.actor_id ?? null,
        data: input.data ?? null,
        strict: input.strict ?? false,
      }))
    )

    const fulfillmentId = transform({ result }, ({ result }) => result.shipment.fulfillment_id ?? "")
    const { data: fulfillments } = useQueryGraphStep({
      entity: "fulfillment",
      fields: ["id", "shipped_at", "delivered_at", "canceled_at", "items.line_item_id", "items.quantity"],
      filters: { id: fulfillmentId },
    }).config({ name: "load-fulfillment" })

    const sync = transform({ result, fulfillments }, ({ result, fulfillments }) => {
      const fulfillment = fulfillments[0] as
        | { id: string; shipped_at: unknown; delivered_at: unknown; canceled_at: unknown; items?: { line_item_id: string; quantity: unknown }[] }
        | undefined
      const status = result.shipment.status
      const live = Boolean(result.applied && fulfillment && !fulfillment.canceled_at)
      const pickup = result.shipment.shipping_point === "pickup"
      return {
        // Medusa may have marked it delivered without shipping it ("Mark as delivered" on the order page).
        ship: live && !pickup && !fulfillment!.shipped_at && !fulfillment!.delivered_at && hasParcelLeft(status),
        deliver: live && status === "delivered" && !fulfillment!.delivered_at,
        cancel: live && status === "canceled" && !fulfillment!.shipped_at,
        order_id: result.shipment.order_id,
        fulfillment_id: fulfillment?.id ?? "",
        items: (fulfillment?.items ?? []).map((i) => ({ id: i.line_item_id, quantity: Number(i.quantity) })),
        labels:
          result.shipment.tracking_number || result.shipment.tracking_url
            ? [{ tracking_number: result.shipment.tracking_number ?? "", tracking_url: result.shipment.tracking_url ?? "", label_url: "" }]
            : [],
      }
    })

    when({ sync }, ({ sync }) => sync.ship).then(() => {
      createOrderShipmentWorkflow.runAsStep({
        input: transform({ sync, input }, ({ sync, input }) => ({
          order_id: sync.order_id,
          fulfillment_id: sync.fulfillment_id,
          items: sync.items,
          labels: sync.labels,
          created_by: input.actor_id ?? undefined,
          no_notification: true,
        })),
      })
    })

    when({ sync }, ({ sync }) => sync.deliver).then(() => {
      markOrderFulfillmentAsDeliveredWorkflow.runAsStep({
        input: transform({ sync }, ({ sync }) => ({ orderId: sync.order_id, fulfillmentId: sync.fulfillment_id })),
      })
    })

    when({ sync }, ({ sync }) => sync.cancel).then(() => {
      cancelOrderFulfillmentWorkflow.runAsStep({
        input: transform({ sync, input }, ({ sync, input }) => ({
          order_id: sync.order_id,
          fulfillment_id: sync.fulfillment_id,
          canceled_by: input.actor_id ?? undefined,
          no_notification: true,
        })),
      })
    })

    when({ result }, ({ result }) => result.applied).then(() => {
      recordOrderActivityStep(
        transform({ result, input }, ({ result, input }) => [
          {
            order_id: result.shipment.order_id,
            kind: "shipment.status_changed",
            actor_type: input.actor_id ? ("user" as const) : ("system" as const),
            actor_id: input.actor_id ?? null,
            resource_type: "shipment",
            resource_id: result.shipment.id,
            occurred_at: new Date(result.event.occurred_at),
            data: {
              from: result.previous.status,
              to: result.shipment.status,
              from_label: SHIPMENT_STATUS_LABELS[result.previous.status],
              to_label: SHIPMENT_STATUS_LABELS[result.shipment.status],
              pickup: result.shipment.shipping_point === "pickup",
              source: result.event.source,
              message: result.event.message,
              location: result.event.location,
              tracking_number: result.shipment.tracking_number,
            },
          },
        ])
      )
      refreshOrderStatusWorkflow.runAsStep({
        input: transform({ result, input }, ({ result, input }) => ({
          order_ids: input.refresh_order_status === false ? [] : [result.shipment.order_id],
        })),
      })
      announceShipmentMoves(
        transform({ result }, ({ result }): ShipmentMove[] => [
          {
            id: result.shipment.id,
            order_id: result.shipment.order_id,
            status: result.shipment.status,
            previous_status: result.previous.status,
            notify_customer: result.shipment.notify_customer,
          },
        ]),
        "emit-shipment-status-changed"
      )
    })

    releaseLockStep({ key: input.shipment_id })

    return new WorkflowResponse(
      transform({ result }, ({ result }) => ({
        shipment: result.shipment,
        event: result.event,
        applied: result.applied,
        duplicate: result.duplicate,
        reason: result.reason ?? null,
      }))
    )
  }
)
