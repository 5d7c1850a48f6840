import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DIGITAL_DELIVERY_MODULE } from "../../../modules/digital-delivery"
import type DigitalDeliveryModuleService from "../../../modules/digital-delivery/service"
import { ORDER_CASE_MODULE } from "../../../modules/order-case"
import type OrderCaseModuleService from "../../../modules/order-case/service"
import { ORDER_NOTE_MODULE } from "../../../modules/order-note"
import type OrderNoteModuleService from "../../../modules/order-note/service"
import { SHIPMENT_MODULE } from "../../../modules/shipment"
import type ShipmentModuleService from "../../../modules/shipment/service"
import { type DisputeEvidence, evidenceIso as iso } from "../utils/dispute-evidence"

/** Input of {@link loadDisputeEvidenceStep}. */
export type LoadDisputeEvidenceStepInput = { dispute_id: string; generated_at: Date | string }

/** The evidence without the timeline, which the workflow adds from the timeline workflow. */
export type DisputeEvidenceFacts = Omit<DisputeEvidence, "timeline">

const num = (v: unknown): number | null => {
  if (v === null || v === undefined) {
    return null
  }
  const n = Number(typeof v === "object" && "value" in (v as object) ? (v as { value: unknown }).value : v)
  return Number.isFinite(n) ? n : null
}

type GraphOrder = {
  id: string
  display_id: number
  created_at: string
  email: string | null
  currency_code: string
  total?: unknown
  customer_id?: string | null
  customer?: { id: string; first_name: string | null; last_name: string | null; email: string | null; phone: string | null; created_at: string; has_account: boolean } | null
  items?: { title: string; variant_title: string | null; variant_sku: string | null; quantity: unknown; unit_price: unknown }[] | null
  shipping_address?: Record<string, unknown> | null
  billing_address?: Record<string, unknown> | null
  shipping_methods?: { name: string }[] | null
  payment_collections?: { payments?: { id: string; provider_id: string; amount: unknown; created_at: string | null; captured_at: string | null }[] | null }[] | null
}

const ADDRESS_KEYS = ["first_name", "last_name", "company", "address_1", "address_2", "postal_code", "city", "province", "country_code", "phone"]
const address = (a: Record<string, unknown> | null | undefined) =>
  a ? Object.fromEntries(ADDRESS_KEYS.filter((k) => a[k] !== null && a[k] !== undefined && a[k] !== "").map((k) => [k, a[k]])) : null

export const loadDisputeEvidenceStepId = "order-ops-load-dispute-evidence"

/**
 * Reads everything the plugin recorded about a disputed order, for its
 * evidence pack: the dispute, the order and customer (one Query call), the
 * client that completed the checkout, the notifications sent to the
 * customer, shipments with every event and their labels, digital deliveries
 * with every attempt (what was sent and answered, secrets already masked)
 * and every download (time, IP address, user agent), and the notes shared
 * with the customer. Read-only: nothing to undo.
 *
 * @throws MedusaError NOT_FOUND for an unknown dispute.
 */
export const loadDisputeEvidenceStep = createStep(
  loadDisputeEvidenceStepId,
  async (input: LoadDisputeEvidenceStepInput, { container }) => {
    const cases = container.resolve<OrderCaseModuleService>(ORDER_CASE_MODULE)
    const [dispute] = await cases.listDisputes({ id: input.dispute_id }, { take: 1 })
    if (!dispute) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Dispute with id: ${input.dispute_id} was not found`)
    }
    const orderId = dispute.order_id
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const shipmentsService = container.resolve<ShipmentModuleService>(SHIPMENT_MODULE)
    const deliveryService = container.resolve<DigitalDeliveryModuleService>(DIGITAL_DELIVERY_MODULE)
    const notesService = container.resolve<OrderNoteModuleService>(ORDER_NOTE_MODULE)

    const [{ data: orders }, { data: cartLinks }, shipments, labels, deliveries, downloads, notes] = await Promise.all([
      query.graph({
        entity: "order",
        fields: [
          "id", "display_id", "created_at", "email", "currency_code", "total", "customer_id",
          "customer.id", "customer.first_name", "customer.last_name", "customer.email", "customer.phone", "customer.created_at", "customer.has_account",
          "items.title", "items.variant_title", "items.variant_sku", "items.quantity", "items.unit_price",
          "shipping_address.*", "billing_address.*", "shipping_methods.name",
          "payment_collections.payments.id", "payment_collections.payments.provider_id", "payment_collections.payments.amount",
          "payment_collections.payments.created_at", "payment_collections.payments.captured_at",
        ],
        filters: { id: orderId },
      }),
      query.graph({ entity: "order_cart", fields: ["cart_id"], filters: { order_id: orderId } }),
      shipmentsService.listShipments({ order_id: orderId }, { order: { created_at: "ASC" } }),
      shipmentsService.listShippingLabels({ order_id: orderId }, { order: { created_at: "ASC" } }),
      deliveryService.listDeliveries({ order_id: orderId }, { order: { created_at: "ASC" } }),
      deliveryService.listDownloadLogs({ order_id: orderId }, { order: { downloaded_at: "ASC" } }),
      notesService.listOrderNotes({ order_id: orderId, visible_to_customer: true }, { order: { created_at: "ASC" } }),
    ])
    const order = orders[0] as unknown as GraphOrder | undefined
    if (!order) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order with id: ${orderId} was not found`)
    }
    const cartIds = cartLinks.map((l) => l.cart_id as string)
    const shipmentIds = shipments.map((s) => s.id)
    const deliveryIds = deliveries.map((d) => d.id)
    const [events, attempts, checkouts, notifications] = await Promise.all([
      shipmentIds.length ? shipmentsService.listShipmentEvents({ shipment_id: shipmentIds }, { order: { occurred_at: "ASC" } }) : [],
      deliveryIds.length ? deliveryService.listDeliveryAttempts({ delivery_id: deliveryIds }, { order: { created_at: "ASC" } }) : [],
      cases.listCheckoutContexts(cartIds.length ? { $or: [{ order_id: orderId }, { cart_id: cartIds }] } : { order_id: orderId }, {
        order: { recorded_at: "DESC" },
        take: 1,
      }),
      container.resolve(Modules.NOTIFICATION).listNotifications(
        { resource_id: [orderId, ...shipmentIds, ...deliveryIds, ...notes.map((n) => n.id)] },
        { order: { created_at: "ASC" } }
      ),
    ])
    // Only what went to the customer: staff alerts about the same records are not evidence.
    const customerEmail = order.email?.toLowerCase() ?? null
    const toCustomer = notifications.filter(
      (n) => (customerEmail && n.to?.toLowerCase() === customerEmail) || (order.customer_id && n.receiver_id === order.customer_id)
    )
    const checkout = checkouts[0]
    const customer = order.customer
    const evidence: DisputeEvidenceFacts = {
      generated_at: new Date(input.generated_at).toISOString(),
      dispute: {
        id: dispute.id,
        status: dispute.status,
        reason: dispute.reason,
        amount: num(dispute.amount) ?? 0,
        currency_code: dispute.currency_code,
        opened_at: iso(dispute.opened_at)!,
        evidence_due_by: iso(dispute.evidence_due_by),
        gateway: dispute.gateway,
        gateway_dispute_id: dispute.gateway_dispute_id,
        payment_id: dispute.payment_id,
        notes: dispute.notes,
      },
      order: {
        id: order.id,
        display_id: order.display_id,
        created_at: iso(order.created_at)!,
        email: order.email,
        currency_code: order.currency_code,
        total: num(order.total),
        items: (order.items ?? []).map((i) => ({
          title: i.title,
          variant: i.variant_title,
          sku: i.variant_sku,
          quantity: num(i.quantity) ?? 0,
          unit_price: num(i.unit_price),
        })),
        shipping_address: address(order.shipping_address),
        billing_address: address(order.billing_address),
        shipping_methods: (order.shipping_methods ?? []).map((m) => m.name),
        payments: (order.payment_collections ?? []).flatMap((c) =>
          (c.payments ?? []).map((p) => ({ id: p.id, provider_id: p.provider_id, amount: num(p.amount), created_at: iso(p.created_at), captured_at: iso(p.captured_at) }))
        ),
      },
      customer: customer
        ? {
            id: customer.id,
            name: [customer.first_name, customer.last_name].filter(Boolean).join(" ") || null,
            email: customer.email,
            phone: customer.phone,
            created_at: iso(customer.created_at),
            has_account: !!customer.has_account,
          }
        : null,
      checkout: checkout ? { ip: checkout.ip, user_agent: checkout.user_agent, recorded_at: iso(checkout.recorded_at)! } : null,
      notifications: toCustomer.map((n) => ({
        id: n.id,
        created_at: iso(n.created_at)!,
        channel: n.channel,
        template: n.template ?? null,
        to: n.to,
        status: (n as { status?: string | null }).status ?? null,
        about: n.resource_type ?? null,
      })),
      shipments: shipments.map((s) => ({
        id: s.id,
        carrier: s.carrier,
        tracking_number: s.tracking_number,
        tracking_url: s.tracking_url,
        status: s.status,
        shipped_at: iso(s.shipped_at),
        delivered_at: iso(s.delivered_at),
        events: events
          .filter((e) => e.shipment_id === s.id)
          .map((e) => ({ occurred_at: iso(e.occurred_at)!, status: e.status, message: e.message, location: e.location, source: e.source })),
        labels: labels
          .filter((l) => l.shipment_id === s.id)
          .map((l) => ({ carrier: l.carrier_name ?? l.carrier, service: l.service, tracking_number: l.tracking_number, status: l.status, purchased_at: iso(l.purchased_at) })),
      })),
      deliveries: deliveries.map((d) => ({
        id: d.id,
        title: d.title,
        method: d.method,
        status: d.status,
        delivered_at: iso(d.delivered_at),
        attempts: attempts
          .filter((a) => (a as unknown as { delivery_id: string }).delivery_id === d.id)
          .map((a) => ({ at: iso(a.created_at)!, kind: a.kind, outcome: a.outcome, message: a.message, request: a.request ?? null, response: a.response ?? null })),
        downloads: downloads
          .filter((l) => l.delivery_id === d.id)
          .map((l) => ({ at: iso(l.downloaded_at)!, ip: l.ip, user_agent: l.user_agent, filename: l.filename })),
      })),
      notes: notes.map((n) => ({ created_at: iso(n.created_at)!, body: n.body })),
    }
    return new StepResponse(evidence)
  }
)
