import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys, Modules, OrderWorkflowEvents } from "@medusajs/framework/utils"
import { SHIPMENT_MODULE } from "../modules/shipment"
import type ShipmentModuleService from "../modules/shipment/service"
import {
  CARRIER_FULFILLMENT_IDENTIFIER,
  fulfillmentLabelKey,
  type CarrierFulfillmentData,
} from "../providers/carrier-fulfillment/service"
import type { ShipmentDTO, ShipmentItem, ShippingLabelDTO } from "../types"

/** Payload of core's `order.fulfillment_created`. */
type FulfillmentCreatedData = { order_id: string; fulfillment_id: string; no_notification?: boolean }

type FulfillmentRow = {
  id: string
  provider_id: string | null
  data: Partial<CarrierFulfillmentData> | null
  items?: { line_item_id: string | null; title: string; quantity: unknown }[]
}

const EXTENSIONS: Record<string, string> = { PDF: "pdf", PNG: "png", ZPL: "zpl" }
const DATA_URL = /^data:([^;,]+);base64,(.*)$/s

/**
 * When a fulfillment was created through our carrier fulfillment provider
 * (a checkout with a calculated carrier option), records its label in our
 * ledger (key `fulfillment:<id>`, status purchased), keeps a copy of a label
 * handed over as bytes (sandbox) through the file module, and creates our
 * carrier shipment in Awaiting shipment with the label's tracking.
 *
 * Idempotent: a re-delivered event finds the ledger row and the shipment and
 * writes nothing; a delivery that stopped after the ledger row finishes the
 * shipment. Fulfillments of other providers are ignored.
 */
export default async function carrierFulfillmentCreated({ event, container }: SubscriberArgs<FulfillmentCreatedData>) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "fulfillment",
    fields: ["id", "provider_id", "data", "items.line_item_id", "items.title", "items.quantity"],
    filters: { id: event.data.fulfillment_id },
  })
  const fulfillment = data[0] as unknown as FulfillmentRow | undefined
  const stored = fulfillment?.data
  if (
    !fulfillment ||
    !fulfillment.provider_id?.startsWith(`${CARRIER_FULFILLMENT_IDENTIFIER}_`) ||
    !stored?.carrier ||
    !stored.tracking_number
  ) {
    return
  }
  const service = container.resolve<ShipmentModuleService>(SHIPMENT_MODULE)
  const key = fulfillmentLabelKey(fulfillment.id)

  let [label] = (await service.listShippingLabels({ idempotency_key: key })) as unknown as ShippingLabelDTO[]
  if (!label) {
    const file = await storeInlineLabel(container, stored)
    try {
      label = (await service.createShippingLabels({
        order_id: event.data.order_id,
        fulfillment_id: fulfillment.id,
        carrier: stored.carrier,
        carrier_name: stored.carrier_name ?? null,
        service: stored.service ?? null,
        service_code: stored.service_code ?? null,
        rate_id: stored.rate_id ?? "",
        provider_shipment_id: stored.provider_shipment_id ?? null,
        provider_label_id: stored.provider_label_id ?? null,
        tracking_number: stored.tracking_number,
        tracking_url: stored.tracking_url ?? null,
        // A data: URL is the file itself, kept through the file module instead.
        label_url: stored.label_url && !stored.label_url.startsWith("data:") ? stored.label_url : null,
        file_id: file?.id ?? null,
        file_url: file?.url ?? null,
        label_format: stored.label_format ?? "PDF",
        amount: stored.amount ?? null,
        currency_code: stored.currency_code ?? null,
        status: "purchased",
        idempotency_key: key,
        purchased_at: new Date(),
      })) as unknown as ShippingLabelDTO
    } catch (error) {
      // A concurrent delivery won the unique key: continue with its row.
      ;[label] = (await service.listShippingLabels({ idempotency_key: key })) as unknown as ShippingLabelDTO[]
      if (file) {
        await container.resolve(Modules.FILE).deleteFiles([file.id])
      }
      if (!label) {
        throw error
      }
    }
  }
  if (label.shipment_id) {
    return
  }

  let [shipment] = (await service.listShipments({ fulfillment_id: fulfillment.id })) as unknown as ShipmentDTO[]
  if (!shipment) {
    const items: ShipmentItem[] = (fulfillment.items ?? [])
      .filter((i) => i.line_item_id)
      .map((i) => ({ line_item_id: i.line_item_id!, title: i.title, quantity: Number(i.quantity) }))
    const now = new Date()
    shipment = (await service.createShipments({
      order_id: event.data.order_id,
      fulfillment_id: fulfillment.id,
      shipping_point: stored.international ? "international" : "local",
      source: "carrier",
      status: "awaiting_shipment",
      carrier: stored.carrier_name ?? stored.carrier,
      tracking_number: stored.tracking_number,
      tracking_url: stored.tracking_url ?? null,
      estimated_delivery_at: stored.estimated_delivery_at ? new Date(stored.estimated_delivery_at) : null,
      notify_customer: !event.data.no_notification,
      // A JSON column typed as an object by the DML; it stores the item list.
      items: items as unknown as Record<string, unknown>,
      last_event_at: now,
    })) as unknown as ShipmentDTO
    await service.createShipmentEvents({
      shipment_id: shipment.id,
      status: "awaiting_shipment",
      occurred_at: now,
      source: "system",
      message: "Label bought at checkout fulfillment",
      applied: true,
    })
  }
  const client = service.getCarrier(stored.carrier)
  const options = service.getOptions().carriers
  // Carriers without webhooks are polled; the sandbox moves every step_minutes.
  const minutes = stored.carrier === "sandbox" ? options.sandbox.step_minutes : options.poll_interval_hours * 60
  const polled =
    !client.pushes_tracking ||
    (stored.carrier === "shippo" && options.shippo?.webhooks === false) ||
    (stored.carrier === "easypost" && options.easypost?.webhooks === false)
  await service.updateShippingLabels({
    id: label.id,
    shipment_id: shipment.id,
    next_check_at: polled ? new Date(Date.now() + minutes * 60_000) : null,
  })
}

/** Keeps a label handed over inline (`data:` URL) through the file module; null for a hosted label. */
async function storeInlineLabel(
  container: SubscriberArgs<FulfillmentCreatedData>["container"],
  stored: Partial<CarrierFulfillmentData>
): Promise<{ id: string; url: string } | null> {
  const match = stored.label_url ? DATA_URL.exec(stored.label_url) : null
  if (!match) {
    return null
  }
  const created = await container.resolve(Modules.FILE).createFiles({
    filename: `label-${stored.tracking_number}.${EXTENSIONS[stored.label_format ?? "PDF"] ?? "bin"}`,
    mimeType: match[1],
    content: match[2],
    access: "private",
  })
  return { id: created.id, url: created.url }
}

export const config: SubscriberConfig = {
  event: OrderWorkflowEvents.FULFILLMENT_CREATED,
  context: { subscriberId: "order-ops-carrier-fulfillment-created" },
}
