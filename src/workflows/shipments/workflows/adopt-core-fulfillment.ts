import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, emitEventStep, releaseLockStep, useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { OrderOpsEvents } from "../../../events"
import { recordOrderActivityStep } from "../../order-activity/steps/record-order-activity"
import { refreshOrderStatusWorkflow } from "../../order-status/workflows/refresh-order-status"
import { createShipmentStep } from "../steps/create-shipment"
import { announceShipmentMoves, type ShipmentMove } from "../utils/announce-shipment-moves"
import { carrierName } from "../utils/carriers"
import { planFulfillmentAdoption, type CoreFulfillment, type FulfillmentAdoption } from "../utils/core-fulfillment"

/** Input of {@link adoptCoreFulfillmentWorkflow}: core's `order.fulfillment_created` payload. */
export type AdoptCoreFulfillmentWorkflowInput = {
  order_id: string
  fulfillment_id: string
  /** Medusa's "Send notifications" unticked: the shipment will not notify the customer. */
  no_notification?: boolean
}

export const adoptCoreFulfillmentWorkflowId = "order-ops-adopt-core-fulfillment"

/** The lock shared with {@link applyCoreFulfillmentEventWorkflow}, so a quick "Mark as shipped" waits for the adoption. */
export const coreFulfillmentLockKey = (fulfillmentId: string) => `order-ops-core-fulfillment:${fulfillmentId}`

type OrderItemRow = {
  id: string
  variant?: { product?: { metadata?: Record<string, unknown> | null; shipping_profile?: { type?: string | null } | null } | null } | null
}

/**
 * A fulfillment created outside our flows — Medusa's own "Fulfill items" on
 * the order page, or another plugin — becomes a shipment, so our panel and
 * the Order operations list agree with Medusa's page: an adopted (manual)
 * shipment with the fulfillment's items, tracking from its labels, in the
 * status the fulfillment stands at, with a `shipment.created` timeline entry,
 * `order_ops.shipment.created` (+ `status_changed` when it has already left)
 * and the order's statuses recomputed. See `planFulfillmentAdoption` for
 * which fulfillments are skipped (our own, checkout labels, digital ones,
 * canceled ones). Idempotent: a redelivered event finds the shipment.
 * Locked per fulfillment with {@link applyCoreFulfillmentEventWorkflow}.
 */
export const adoptCoreFulfillmentWorkflow = createWorkflow(
  adoptCoreFulfillmentWorkflowId,
  function (input: AdoptCoreFulfillmentWorkflowInput) {
    const lockKey = transform({ input }, ({ input }) => coreFulfillmentLockKey(input.fulfillment_id))
    acquireLockStep({ key: lockKey, timeout: 10, ttl: 60 })

    const { data: fulfillments } = useQueryGraphStep({
      entity: "fulfillment",
      fields: [
        "id",
        "provider_id",
        "data",
        "metadata",
        "location_id",
        "shipped_at",
        "delivered_at",
        "canceled_at",
        "delivery_address.country_code",
        "labels.tracking_number",
        "labels.tracking_url",
        "items.line_item_id",
        "items.title",
        "items.quantity",
        "shipping_option.shipping_profile.type",
        "shipping_option.service_zone.fulfillment_set.type",
      ],
      filters: { id: input.fulfillment_id },
    }).config({ name: "load-fulfillment" })

    const { data: existing } = useQueryGraphStep({
      entity: "shipment",
      fields: ["id"],
      filters: { fulfillment_id: input.fulfillment_id },
    }).config({ name: "load-existing-shipment" })

    const { data: orders } = useQueryGraphStep({
      entity: "order",
      fields: ["id", "items.id", "items.variant.product.metadata", "items.variant.product.shipping_profile.type"],
      filters: { id: input.order_id },
    }).config({ name: "load-order-items" })

    const locationId = transform({ fulfillments }, ({ fulfillments }) => (fulfillments[0] as { location_id?: string } | undefined)?.location_id ?? "")
    const { data: locations } = useQueryGraphStep({
      entity: "stock_location",
      fields: ["id", "address.country_code"],
      filters: { id: locationId },
    }).config({ name: "load-location" })

    const plan = transform({ fulfillments, existing, orders, locations }, ({ fulfillments, existing, orders, locations }) => {
      const items = ((orders[0] as { items?: OrderItemRow[] } | undefined)?.items ?? []).filter(Boolean)
      return planFulfillmentAdoption({
        fulfillment: fulfillments[0] as unknown as CoreFulfillment | undefined,
        has_shipment: existing.length > 0,
        digital_line_item_ids: items
          .filter(
            (i) =>
              i.variant?.product?.metadata?.order_ops_digital === true ||
              i.variant?.product?.shipping_profile?.type === "digital"
          )
          .map((i) => i.id),
        origin_country_code: (locations[0] as { address?: { country_code?: string | null } | null } | undefined)?.address?.country_code ?? null,
      })
    })

    const adopted = when({ plan }, ({ plan }) => plan.adopt).then(() => {
      const shipment = createShipmentStep(
        transform({ input, plan }, ({ input, plan }) => {
          // Only reached when the plan adopts.
          const adoption = plan as Extract<FulfillmentAdoption, { adopt: true }>
          return {
            order_id: input.order_id,
            fulfillment_id: input.fulfillment_id,
            shipping_point: adoption.shipping_point,
            source: "manual" as const,
            status: adoption.status,
            carrier: adoption.carrier,
            tracking_number: adoption.tracking_number,
            tracking_url: adoption.tracking_url,
            estimated_delivery_at: null,
            notify_customer: !input.no_notification,
            items: adoption.items,
            actor_id: null,
            message: "Fulfilled in Medusa",
          }
        })
      )

      recordOrderActivityStep(
        transform({ shipment }, ({ shipment }) => [
          {
            order_id: shipment.order_id,
            kind: "shipment.created",
            actor_type: "system" as const,
            actor_id: null,
            resource_type: "shipment",
            resource_id: shipment.id,
            data: {
              status: shipment.status,
              shipping_point: shipment.shipping_point,
              carrier: carrierName(shipment.carrier),
              tracking_number: shipment.tracking_number,
              item_count: (shipment.items ?? []).reduce((n, i) => n + i.quantity, 0),
              adopted: true,
            },
          },
        ])
      )

      emitEventStep({
        eventName: OrderOpsEvents.SHIPMENT_CREATED,
        data: transform({ shipment }, ({ shipment }) => ({ id: shipment.id, order_id: shipment.order_id })),
      }).config({ name: "emit-adopted-shipment-created" })

      refreshOrderStatusWorkflow.runAsStep({
        input: transform({ input }, ({ input }) => ({ order_ids: [input.order_id] })),
      })
      return shipment
    })

    when({ adopted }, ({ adopted }) => Boolean(adopted && adopted.status !== "awaiting_shipment")).then(() => {
      announceShipmentMoves(
        transform({ adopted }, ({ adopted }): ShipmentMove[] => [
          { id: adopted!.id, order_id: adopted!.order_id, status: adopted!.status, previous_status: null, notify_customer: adopted!.notify_customer },
        ]),
        "emit-adopted-shipment-status"
      )
    })

    releaseLockStep({ key: lockKey })

    return new WorkflowResponse(
      transform({ plan, adopted }, ({ plan, adopted }) => ({
        shipment_id: adopted?.id ?? null,
        adopted: plan.adopt,
        reason: plan.adopt ? null : plan.reason,
      }))
    )
  }
)
