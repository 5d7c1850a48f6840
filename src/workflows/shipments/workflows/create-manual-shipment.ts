import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import {
  acquireLockStep,
  createOrderFulfillmentWorkflow,
  createOrderShipmentWorkflow,
  emitEventStep,
  releaseLockStep,
  useQueryGraphStep,
} from "@medusajs/medusa/core-flows"
import { OrderOpsEvents } from "../../../events"
import type { ShippingPointValue } from "../../../modules/shipment/state-machine"
import { assertOrderNotHeldStep } from "../../order-case/steps/assert-order-not-held"
import { recordOrderActivityStep } from "../../order-activity/steps/record-order-activity"
import { refreshOrderStatusWorkflow } from "../../order-status/workflows/refresh-order-status"
import { createShipmentStep } from "../steps/create-shipment"
import { announceShipmentMoves, type ShipmentMove } from "../utils/announce-shipment-moves"
import {
  validateShipmentRequestStep,
  type ValidateShipmentRequestStepInput,
} from "../steps/validate-shipment-request"
import { carrierName, resolveTrackingUrl } from "../utils/carriers"

/** Input of {@link createManualShipmentWorkflow}. */
export type CreateManualShipmentWorkflowInput = {
  order_id: string
  /** Items and quantities to send; partial quantities are fine. */
  items: { line_item_id: string; quantity: number }[]
  /** Local, International (needs a tracking number) or In-store pickup. */
  shipping_point: ShippingPointValue
  /** Carrier code (`ups`, `dhl`…) or name. */
  carrier?: string | null
  tracking_number?: string | null
  /** Built from the carrier and number for well-known carriers when omitted. */
  tracking_url?: string | null
  estimated_delivery_at?: Date | null
  /** Tell the customer as the shipment moves. Default `true`. */
  notify_customer?: boolean
  /** Hand it to the carrier now (Shipped) or later (Awaiting shipment). Default `true`; never for pickup. */
  mark_shipped?: boolean
  /** Stock location to fulfil from; Medusa's default for the order otherwise. */
  location_id?: string | null
  /**
   * The order's shipping option these items go out with, when the order has
   * several (e.g. physical and digital); Medusa's choice otherwise.
   */
  shipping_option_id?: string | null
  /** The admin user. */
  actor_id?: string | null
}

export const createManualShipmentWorkflowId = "order-ops-create-manual-shipment"

/**
 * Ships items of an order by hand: creates the Medusa fulfillment (and, when
 * shipped now, Medusa's shipment with the tracking label) through core's own
 * workflows, then our shipment in Shipped or Awaiting shipment (pickup:
 * waiting for the customer), a timeline entry and `order_ops.shipment.created`
 * (+ `status_changed` when shipped), and recomputes the order's persisted
 * statuses. Locked per order, so two people can't
 * fulfil the same quantity twice.
 *
 * @throws MedusaError INVALID_DATA naming the field (unknown item, too many,
 *   International without tracking number).
 * @throws MedusaError NOT_ALLOWED for a canceled order; NOT_FOUND for an unknown one.
 */
export const createManualShipmentWorkflow = createWorkflow(
  createManualShipmentWorkflowId,
  function (input: CreateManualShipmentWorkflowInput) {
    acquireLockStep({ key: input.order_id, timeout: 10, ttl: 120 })
    assertOrderNotHeldStep({ order_id: input.order_id })

    const { data: orders } = useQueryGraphStep({
      entity: "order",
      fields: [
        "id",
        "status",
        "canceled_at",
        "items.id",
        "items.title",
        "items.quantity",
        "items.detail.quantity",
        "items.detail.fulfilled_quantity",
      ],
      filters: { id: input.order_id },
      options: { throwIfKeyNotFound: true },
    }).config({ name: "load-order" })

    const items = validateShipmentRequestStep({
      order: transform(
        { orders },
        ({ orders }) => orders[0] as unknown as ValidateShipmentRequestStepInput["order"]
      ),
      request: transform({ input }, ({ input }) => ({
        items: input.items,
        shipping_point: input.shipping_point,
        tracking_number: input.tracking_number,
      })),
    })

    const plan = transform({ input }, ({ input }) => {
      const isPickup = input.shipping_point === "pickup"
      const ship = !isPickup && input.mark_shipped !== false
      const trackingNumber = input.tracking_number?.trim() || null
      return {
        ship,
        trackingNumber,
        trackingUrl: resolveTrackingUrl(input.carrier, trackingNumber, input.tracking_url?.trim() || null),
        coreItems: input.items.map((i) => ({ id: i.line_item_id, quantity: i.quantity })),
      }
    })

    const fulfillment = createOrderFulfillmentWorkflow.runAsStep({
      input: transform({ input, plan }, ({ input, plan }) => ({
        order_id: input.order_id,
        items: plan.coreItems,
        location_id: input.location_id ?? undefined,
        shipping_option_id: input.shipping_option_id ?? undefined,
        created_by: input.actor_id ?? undefined,
        no_notification: true,
        metadata: { order_ops_shipping_point: input.shipping_point },
      })),
    })

    when({ plan }, ({ plan }) => plan.ship).then(() => {
      createOrderShipmentWorkflow.runAsStep({
        input: transform({ input, plan, fulfillment }, ({ input, plan, fulfillment }) => ({
          order_id: input.order_id,
          fulfillment_id: fulfillment.id,
          items: plan.coreItems,
          created_by: input.actor_id ?? undefined,
          no_notification: true,
          labels:
            plan.trackingNumber || plan.trackingUrl
              ? [{ tracking_number: plan.trackingNumber ?? "", tracking_url: plan.trackingUrl ?? "", label_url: "" }]
              : [],
        })),
      })
    })

    const shipment = createShipmentStep(
      transform({ input, plan, fulfillment, items }, ({ input, plan, fulfillment, items }) => ({
        order_id: input.order_id,
        fulfillment_id: fulfillment.id,
        shipping_point: input.shipping_point,
        source: "manual" as const,
        status: plan.ship ? ("shipped" as const) : ("awaiting_shipment" as const),
        carrier: input.carrier?.trim() || null,
        tracking_number: plan.trackingNumber,
        tracking_url: plan.trackingUrl,
        estimated_delivery_at: input.estimated_delivery_at ?? null,
        notify_customer: input.notify_customer ?? true,
        items,
        actor_id: input.actor_id ?? null,
      }))
    )

    recordOrderActivityStep(
      transform({ input, shipment }, ({ input, shipment }) => [
        {
          order_id: input.order_id,
          kind: "shipment.created",
          actor_type: input.actor_id ? ("user" as const) : ("system" as const),
          actor_id: input.actor_id ?? null,
          resource_type: "shipment",
          resource_id: shipment.id,
          data: {
            status: shipment.status,
            shipping_point: shipment.shipping_point,
            carrier: carrierName(shipment.carrier),
            tracking_number: shipment.tracking_number,
            item_count: (shipment.items ?? []).reduce((n, i) => n + i.quantity, 0),
          },
        },
      ])
    )

    emitEventStep({
      eventName: OrderOpsEvents.SHIPMENT_CREATED,
      data: transform({ shipment }, ({ shipment }) => ({ id: shipment.id, order_id: shipment.order_id })),
    }).config({ name: "emit-shipment-created" })

    when({ plan }, ({ plan }) => plan.ship).then(() => {
      announceShipmentMoves(
        transform({ shipment }, ({ shipment }): ShipmentMove[] => [
          { id: shipment.id, order_id: shipment.order_id, status: shipment.status, previous_status: null, notify_customer: shipment.notify_customer },
        ]),
        "emit-shipment-shipped"
      )
    })

    // The persisted statuses change now, not when a subscriber gets round to it,
    // so the admin sees "Partially fulfilled" as soon as the drawer closes.
    refreshOrderStatusWorkflow.runAsStep({
      input: transform({ input }, ({ input }) => ({ order_ids: [input.order_id] })),
    })

    releaseLockStep({ key: input.order_id })

    return new WorkflowResponse(shipment)
  }
)
