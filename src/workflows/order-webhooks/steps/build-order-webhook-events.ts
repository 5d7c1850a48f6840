import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DIGITAL_DELIVERY_MODULE } from "../../../modules/digital-delivery"
import type DigitalDeliveryModuleService from "../../../modules/digital-delivery/service"
import type { OrderStatusChangedEventData } from "../../../events"
import { ORDER_NOTE_MODULE } from "../../../modules/order-note"
import type OrderNoteModuleService from "../../../modules/order-note/service"
import { ORDER_WEBHOOK_MODULE, parseEventData, WEBHOOK_EVENT_CATALOGUE, type WebhookEventType } from "../../../modules/order-webhook"
import type OrderWebhookModuleService from "../../../modules/order-webhook/service"
import type { EnqueueWebhookEventInput } from "../../../modules/order-webhook/service"
import { SHIPMENT_MODULE } from "../../../modules/shipment"
import type ShipmentModuleService from "../../../modules/shipment/service"
import { TEST_ORDER_MODULE } from "../../../modules/test-order"
import type TestOrderModuleService from "../../../modules/test-order/service"

/** A change that happened, as a workflow or the subscriber of Medusa's event saw it. */
export type OrderWebhookSource =
  | { source: "order.placed" | "order.canceled" | "order.completed"; id: string }
  | { source: "payment.captured" | "payment.refunded"; id: string }
  | { source: "note.shared"; id: string }
  | { source: "shipment.status_changed"; id: string; status: string; previous_status: string | null; order_id: string }
  | { source: "delivery.delivered" | "delivery.failed"; id: string }
  | ({ source: "order.status_changed" } & OrderStatusChangedEventData)

type OrderRow = {
  id: string
  display_id: number | null
  email: string | null
  currency_code: string
  total: unknown
  created_at: string | Date
  items?: ({ title: string; variant_sku: string | null; quantity: unknown; unit_price: unknown } | null)[]
  payment_collections?: ({ status: string } | null)[]
}

const num = (v: unknown) => Number(v ?? 0)

/** The catalogue types each change can produce. */
export const WEBHOOK_TYPES_OF_SOURCE: Record<OrderWebhookSource["source"], WebhookEventType[]> = {
  "order.placed": ["order.placed", "order.received"],
  "order.canceled": ["order.canceled"],
  "order.completed": ["order.completed"],
  "payment.captured": ["order.paid", "order.received"],
  "payment.refunded": ["order.refunded"],
  "note.shared": ["note.shared"],
  "shipment.status_changed": ["shipment.status_changed"],
  "order.status_changed": ["order.fulfillment_status_changed", "order.payment_status_changed"],
  "delivery.delivered": ["delivery.delivered"],
  "delivery.failed": ["delivery.failed"],
}

export const buildOrderWebhookEventsStepId = "order-ops-build-order-webhook-events"

/**
 * Turns a change into catalogue events with frozen, validated payloads and
 * dedupe keys that make a repeated change (a retried subscriber) enqueue
 * nothing new. When no enabled endpoint subscribes to a type the change can
 * produce, it reads nothing more and returns none: an event nobody receives
 * is not written (an endpoint gets only events enqueued while it listens).
 * Reads only; no compensation needed.
 */
export const buildOrderWebhookEventsStep = createStep(
  buildOrderWebhookEventsStepId,
  async (changes: OrderWebhookSource | OrderWebhookSource[], { container }) => {
    const sources = Array.isArray(changes) ? changes : [changes]
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const webhooks = container.resolve<OrderWebhookModuleService>(ORDER_WEBHOOK_MODULE)
    const testOrders = container.resolve<TestOrderModuleService>(TEST_ORDER_MODULE)
    const types = [...new Set(sources.flatMap((source) => WEBHOOK_TYPES_OF_SOURCE[source.source] ?? []))]
    if (!(await webhooks.anyEndpointWants(types))) {
      return new StepResponse<EnqueueWebhookEventInput[]>([])
    }

    // Orders, test flags and references are read for every order at once
    // (the ids the changes name directly; others — a payment's, a note's —
    // are read when met, and kept too), so a batch of changes costs a few
    // statements, not a few per change.
    const orders = new Map<string, OrderRow | null>()
    const testFlags = new Map<string, boolean>()
    const references = new Map<string, string>()
    const prefetch = async (order_ids: string[]) => {
      const ids = [...new Set(order_ids)].filter((id) => !orders.has(id))
      if (!ids.length) {
        return
      }
      const [{ data }, tests, refs] = await Promise.all([
        query.graph({
          entity: "order",
          fields: [
            "id",
            "display_id",
            "email",
            "currency_code",
            "total",
            "created_at",
            "items.title",
            "items.variant_sku",
            "items.quantity",
            "items.unit_price",
            "payment_collections.status",
          ],
          filters: { id: ids },
        }),
        testOrders.listTestOrders({ order_id: ids }, { select: ["order_id"] }),
        webhooks.ensureOrderReferences(ids),
      ])
      for (const id of ids) {
        orders.set(id, null)
        testFlags.set(id, false)
      }
      for (const order of data as OrderRow[]) {
        orders.set(order.id, order)
      }
      for (const test of tests as { order_id: string }[]) {
        testFlags.set(test.order_id, true)
      }
      for (const [id, reference] of Object.entries(refs)) {
        references.set(id, reference)
      }
    }
    const loadOrder = async (order_id: string): Promise<OrderRow | null> => {
      await prefetch([order_id])
      return orders.get(order_id) ?? null
    }
    const refOf = async (order: OrderRow) => ({
      order_reference: references.get(order.id) ?? (await webhooks.ensureOrderReference(order.id)),
      display_id: order.display_id ?? null,
      is_test: testFlags.get(order.id) ?? false,
    })
    await prefetch(
      sources.flatMap((source) => {
        switch (source.source) {
          case "order.placed":
          case "order.canceled":
          case "order.completed":
          case "order.status_changed":
            return [source.id]
          case "shipment.status_changed":
            return [source.order_id]
          default:
            return []
        }
      })
    )
    const event = (type: WebhookEventType, dedupe: string, order_id: string, data: Record<string, unknown>, occurred_at: Date): EnqueueWebhookEventInput => ({
      type,
      version: WEBHOOK_EVENT_CATALOGUE[type].version,
      dedupe_key: `${type}:${dedupe}`,
      order_id,
      is_test: data.is_test === true,
      payload: parseEventData(type, data),
      occurred_at,
    })
    const summary = async (order: OrderRow) => ({
      ...(await refOf(order)),
      email: order.email ?? null,
      currency_code: order.currency_code,
      total: num(order.total),
      placed_at: new Date(order.created_at).toISOString(),
      items: (order.items ?? [])
        .filter((i): i is NonNullable<typeof i> => !!i)
        .map((i) => ({ title: i.title, sku: i.variant_sku ?? null, quantity: num(i.quantity), unit_price: num(i.unit_price) })),
    })
    const isPaid = (order: OrderRow) => {
      const live = (order.payment_collections ?? []).filter((pc) => pc && pc.status !== "canceled")
      return live.length > 0 && live.every((pc) => pc!.status === "completed")
    }
    const orderOfPayment = async (payment_id: string) => {
      const { data } = await query.graph({
        entity: "payment",
        fields: ["id", "amount", "currency_code", "captured_at", "payment_collection.order.id", "refunds.id", "refunds.amount", "refunds.note", "refunds.created_at", "refunds.refund_reason.label"],
        filters: { id: payment_id },
      })
      return data[0] as
        | {
            id: string
            amount: unknown
            currency_code: string
            captured_at: string | Date | null
            payment_collection?: { order?: { id: string } | null } | null
            refunds?: ({ id: string; amount: unknown; note: string | null; created_at: string | Date; refund_reason?: { label: string } | null } | null)[]
          }
        | undefined
    }

    // Shipment moves (a tracking drain's batch): their shipments and references, read together too.
    const movedShipmentIds = sources.flatMap((source) => (source.source === "shipment.status_changed" ? [source.id] : []))
    const [movedShipments, shipmentReferences] = movedShipmentIds.length
      ? await Promise.all([
          container.resolve<ShipmentModuleService>(SHIPMENT_MODULE).listShipments({ id: movedShipmentIds }),
          webhooks.ensureOrderReferences(movedShipmentIds),
        ])
      : [[], {} as Record<string, string>]
    const shipmentsById = new Map(movedShipments.map((shipment) => [shipment.id, shipment]))

    const now = new Date()
    const out: EnqueueWebhookEventInput[] = []
    for (const input of sources) {
    switch (input.source) {
      case "order.placed": {
        const order = await loadOrder(input.id)
        if (!order) break
        const data = await summary(order)
        out.push(event("order.placed", order.id, order.id, data, new Date(order.created_at)))
        if (isPaid(order)) out.push(event("order.received", order.id, order.id, data, now))
        break
      }
      case "order.canceled":
      case "order.completed": {
        const order = await loadOrder(input.id)
        if (!order) break
        out.push(event(input.source, order.id, order.id, await refOf(order), now))
        break
      }
      case "payment.captured": {
        const payment = await orderOfPayment(input.id)
        const order_id = payment?.payment_collection?.order?.id
        const order = order_id ? await loadOrder(order_id) : null
        if (!payment || !order) break
        const ref = await refOf(order)
        out.push(event("order.paid", payment.id, order.id, { ...ref, amount: { amount: num(payment.amount), currency_code: payment.currency_code } }, now))
        if (isPaid(order)) out.push(event("order.received", order.id, order.id, await summary(order), now))
        break
      }
      case "payment.refunded": {
        const payment = await orderOfPayment(input.id)
        const order_id = payment?.payment_collection?.order?.id
        const order = order_id ? await loadOrder(order_id) : null
        if (!payment || !order) break
        const ref = await refOf(order)
        for (const refund of payment.refunds ?? []) {
          if (!refund) continue
          out.push(
            event(
              "order.refunded",
              refund.id,
              order.id,
              { ...ref, amount: { amount: num(refund.amount), currency_code: payment.currency_code }, reason: refund.refund_reason?.label ?? refund.note ?? null },
              new Date(refund.created_at)
            )
          )
        }
        break
      }
      case "note.shared": {
        const notes = container.resolve<OrderNoteModuleService>(ORDER_NOTE_MODULE)
        const [note] = await notes.listOrderNotes({ id: input.id })
        // Internal notes never leave the store.
        if (!note || !note.visible_to_customer) break
        const order = await loadOrder(note.order_id)
        if (!order) break
        out.push(event("note.shared", `${note.id}:${new Date(note.updated_at).getTime()}`, order.id, { ...(await refOf(order)), content: note.body, created_at: new Date(note.created_at).toISOString() }, now))
        break
      }
      case "shipment.status_changed": {
        const shipment = shipmentsById.get(input.id)
        const order = shipment ? await loadOrder(shipment.order_id) : null
        if (!shipment || !order) break
        out.push(
          event(
            "shipment.status_changed",
            `${shipment.id}:${input.previous_status ?? ""}>${input.status}`,
            order.id,
            {
              ...(await refOf(order)),
              shipment_reference: shipmentReferences[shipment.id],
              previous_status: input.previous_status,
              status: input.status,
              carrier: shipment.carrier ?? null,
              tracking_number: shipment.tracking_number ?? null,
              tracking_url: shipment.tracking_url ?? null,
            },
            now
          )
        )
        break
      }
      case "order.status_changed": {
        const order = await loadOrder(input.id)
        if (!order) break
        const ref = await refOf(order)
        // The computation's start and the new status make a change unique: a
        // repeated event adds nothing; the same move made again later is new.
        const occurred_at = new Date(input.computed_at)
        const at = occurred_at.toISOString()
        if (input.fulfillment_status !== input.previous_fulfillment_status) {
          out.push(
            event(
              "order.fulfillment_status_changed",
              `${order.id}:${input.previous_fulfillment_status}>${input.fulfillment_status}:${at}`,
              order.id,
              { ...ref, previous_status: input.previous_fulfillment_status, status: input.fulfillment_status },
              occurred_at
            )
          )
        }
        if (input.payment_status !== input.previous_payment_status) {
          out.push(
            event(
              "order.payment_status_changed",
              `${order.id}:${input.previous_payment_status}>${input.payment_status}:${at}`,
              order.id,
              { ...ref, previous_status: input.previous_payment_status, status: input.payment_status },
              occurred_at
            )
          )
        }
        break
      }
      case "delivery.delivered":
      case "delivery.failed": {
        const digital = container.resolve<DigitalDeliveryModuleService>(DIGITAL_DELIVERY_MODULE)
        const [delivery] = await digital.listDeliveries({ id: input.id })
        const order = delivery ? await loadOrder(delivery.order_id) : null
        if (!delivery || !order) break
        out.push(
          event(
            input.source,
            `${delivery.id}:${new Date(delivery.updated_at).getTime()}`,
            order.id,
            { ...(await refOf(order)), title: delivery.title, quantity: num(delivery.quantity), method: delivery.method },
            now
          )
        )
        break
      }
      default:
        break
    }
    }
    return new StepResponse(out)
  }
)
