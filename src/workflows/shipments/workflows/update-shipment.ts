import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { emitEventStep, useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { refreshOrderStatusWorkflow } from "../../order-status/workflows/refresh-order-status"
import { MedusaError } from "@medusajs/framework/utils"
import { OrderOpsEvents, type ShipmentEventData } from "../../../events"
import type { ShipmentStatusValue } from "../../../modules/shipment/state-machine"
import type { ShipmentDTO } from "../../../types"
import { recordOrderActivityStep } from "../../order-activity/steps/record-order-activity"
import { updateShipmentDetailsStep } from "../steps/update-shipment-details"
import { resolveTrackingUrl } from "../utils/carriers"
import { recordShipmentEventWorkflow } from "./record-shipment-event"

/** Input of {@link updateShipmentWorkflow}. Omitted fields stay as they are. */
export type UpdateShipmentWorkflowInput = {
  shipment_id: string
  carrier?: string | null
  tracking_number?: string | null
  /** Rebuilt for well-known carriers when the carrier or number changes and no URL is given. */
  tracking_url?: string | null
  estimated_delivery_at?: Date | null
  notify_customer?: boolean
  /** Move the shipment (legal moves only). */
  status?: ShipmentStatusValue
  actor_id?: string | null
}

export const updateShipmentWorkflowId = "order-ops-update-shipment"

/** The details a customer tracks a parcel with: an edit of one may be announced. */
const TRACKING_FIELDS = ["carrier", "tracking_number", "tracking_url"]

/**
 * Edits a manual shipment: carrier, tracking number and URL, ETA, notify flag
 * and, through {@link recordShipmentEventWorkflow}, its status. Writes a
 * `shipment.updated` timeline entry for changed details and emits
 * `order_ops.shipment.updated` (flagged `tracking_changed` when the carrier,
 * tracking number or URL changed: the customer may be told).
 *
 * @throws MedusaError NOT_FOUND for an unknown shipment.
 * @throws MedusaError NOT_ALLOWED for a carrier-bought shipment.
 * @throws MedusaError INVALID_DATA for an illegal status move, or removing an
 *   international shipment's tracking number.
 */
export const updateShipmentWorkflow = createWorkflow(
  updateShipmentWorkflowId,
  function (input: UpdateShipmentWorkflowInput) {
    const { data: shipments } = useQueryGraphStep({
      entity: "shipment",
      fields: ["id", "order_id", "shipping_point", "source", "carrier", "tracking_number", "tracking_url"],
      filters: { id: input.shipment_id },
      options: { throwIfKeyNotFound: true },
    }).config({ name: "load-shipment" })

    const details = transform({ input, shipments }, ({ input, shipments }) => {
      const current = shipments[0] as unknown as ShipmentDTO
      const carrier = input.carrier === undefined ? current.carrier : input.carrier?.trim() || null
      const number =
        input.tracking_number === undefined ? current.tracking_number : input.tracking_number?.trim() || null
      if (current.shipping_point === "international" && !number) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          "tracking_number: an international shipment needs a tracking number"
        )
      }
      const identityChanged = carrier !== current.carrier || number !== current.tracking_number
      let url = input.tracking_url === undefined ? undefined : input.tracking_url?.trim() || null
      if (url === undefined && identityChanged) {
        url = resolveTrackingUrl(carrier, number, null) ?? current.tracking_url
      }
      return {
        id: current.id,
        details: {
          carrier: input.carrier === undefined ? undefined : carrier,
          tracking_number: input.tracking_number === undefined ? undefined : number,
          tracking_url: url,
          estimated_delivery_at: input.estimated_delivery_at,
          notify_customer: input.notify_customer,
        },
      }
    })

    const updated = updateShipmentDetailsStep(details)

    when({ updated }, ({ updated }) => updated.changed.length > 0).then(() => {
      recordOrderActivityStep(
        transform({ updated, input }, ({ updated, input }) => [
          {
            order_id: updated.shipment.order_id,
            kind: "shipment.updated",
            actor_type: input.actor_id ? ("user" as const) : ("system" as const),
            actor_id: input.actor_id ?? null,
            resource_type: "shipment",
            resource_id: updated.shipment.id,
            data: {
              changed: updated.changed,
              carrier: updated.shipment.carrier,
              tracking_number: updated.shipment.tracking_number,
              estimated_delivery_at: updated.shipment.estimated_delivery_at,
            },
          },
        ])
      )
      emitEventStep({
        eventName: OrderOpsEvents.SHIPMENT_UPDATED,
        data: transform({ updated }, ({ updated }): ShipmentEventData => ({
          id: updated.shipment.id,
          order_id: updated.shipment.order_id,
          tracking_changed: updated.changed.some((field) => TRACKING_FIELDS.includes(field)),
          updated_at: new Date(updated.shipment.updated_at).toISOString(),
        })),
      })
      // The list's shipment column shows carrier and tracking: recomputed here, once.
      refreshOrderStatusWorkflow.runAsStep({
        input: transform({ updated }, ({ updated }) => ({ order_ids: [updated.shipment.order_id] })),
      }).config({ name: "refresh-order-status-after-shipment-update" })
    })

    when({ input }, ({ input }) => Boolean(input.status)).then(() => {
      recordShipmentEventWorkflow.runAsStep({
        input: transform({ input }, ({ input }) => ({
          shipment_id: input.shipment_id,
          status: input.status!,
          source: "manual" as const,
          actor_id: input.actor_id ?? null,
          message: "Status changed by staff",
          strict: true,
        })),
      })
    })

    return new WorkflowResponse(transform({ updated }, ({ updated }) => updated.shipment))
  }
)
