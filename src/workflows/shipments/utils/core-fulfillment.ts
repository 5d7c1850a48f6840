import { CARRIER_FULFILLMENT_IDENTIFIER, type CarrierFulfillmentData } from "../../../providers/carrier-fulfillment/service"
import {
  canTransition,
  hasParcelLeft,
  ShipmentStatus,
  ShippingPoint,
  type ShipmentStatusValue,
  type ShippingPointValue,
} from "../../../modules/shipment/state-machine"
import type { ShipmentItem } from "../../../types"
import { findCarrierByTrackingUrl } from "./carriers"

/**
 * Pure rules for Medusa's own fulfillment actions ("Fulfill items", "Mark as
 * shipped", "Mark as delivered", "Cancel" on the order page): which
 * fulfillments become shipments, and which core action moves a shipment
 * where. No I/O.
 */

/** A Medusa fulfillment as these rules read it. */
export type CoreFulfillment = {
  id: string
  provider_id?: string | null
  data?: Record<string, unknown> | null
  metadata?: Record<string, unknown> | null
  shipped_at?: Date | string | null
  delivered_at?: Date | string | null
  canceled_at?: Date | string | null
  delivery_address?: { country_code?: string | null } | null
  labels?: { tracking_number?: string | null; tracking_url?: string | null }[] | null
  items?: { line_item_id?: string | null; title?: string | null; quantity?: unknown }[] | null
  shipping_option?: {
    shipping_profile?: { type?: string | null } | null
    service_zone?: { fulfillment_set?: { type?: string | null } | null } | null
  } | null
}

/**
 * Whether a fulfillment's label was bought at checkout by our carrier
 * fulfillment provider (recorded by `recordCheckoutLabelWorkflow`, canceled
 * by `cancelCheckoutLabelWorkflow`).
 */
export function isCheckoutLabelFulfillment(fulfillment: Pick<CoreFulfillment, "provider_id" | "data"> | null | undefined): boolean {
  const stored = fulfillment?.data as Partial<CarrierFulfillmentData> | null | undefined
  return Boolean(
    fulfillment?.provider_id?.startsWith(`${CARRIER_FULFILLMENT_IDENTIFIER}_`) &&
      stored?.carrier &&
      stored.tracking_number &&
      stored.idempotency_key
  )
}

/**
 * Whether one of our own flows created the fulfillment: a manual shipment or
 * a bought label (`order_ops_shipping_point`, written with the shipment in
 * the same workflow), or the digital items of an auto-completed order
 * (`order_ops_digital`).
 */
export function isOwnFulfillment(fulfillment: Pick<CoreFulfillment, "metadata">): boolean {
  const metadata = fulfillment.metadata ?? {}
  return Boolean(metadata.order_ops_shipping_point || metadata.order_ops_label_id || metadata.order_ops_digital)
}

/** Why a fulfillment is not adopted. */
export type AdoptionSkipReason = "not_found" | "canceled" | "has_shipment" | "own" | "checkout_label" | "digital"

/** What {@link planFulfillmentAdoption} decided. */
export type FulfillmentAdoption =
  | { adopt: false; reason: AdoptionSkipReason }
  | {
      adopt: true
      shipping_point: ShippingPointValue
      status: ShipmentStatusValue
      carrier: string | null
      tracking_number: string | null
      tracking_url: string | null
      items: ShipmentItem[]
    }

/** Everything {@link planFulfillmentAdoption} looks at. */
export type FulfillmentAdoptionInput = {
  fulfillment: CoreFulfillment | null | undefined
  /** A shipment already tied to the fulfillment (any status). */
  has_shipment: boolean
  /** Line items of the order that are digital (flagged product or a `digital` shipping profile). */
  digital_line_item_ids: string[]
  /** The stock location's country (ISO alpha-2), to tell international parcels apart. */
  origin_country_code?: string | null
}

/**
 * Whether a fulfillment created outside our flows (Medusa's "Fulfill items",
 * another plugin) becomes a shipment, and with what. It does unless it is
 * gone or canceled, already has a shipment, was created by our own flows or
 * by a checkout label (both write their shipment themselves), or carries
 * only digital items (delivered by digital delivery, never shipped).
 *
 * An adopted shipment is `manual` (editable, not bought from our carriers),
 * takes its tracking number and link from the fulfillment's first label
 * (the carrier from the link's host when it is a known carrier), is a pickup
 * when its shipping option belongs to a pickup fulfillment set and
 * international when it goes abroad, and starts where the fulfillment
 * stands (delivered, shipped, else awaiting shipment).
 */
export function planFulfillmentAdoption(input: FulfillmentAdoptionInput): FulfillmentAdoption {
  const { fulfillment } = input
  if (!fulfillment) {
    return { adopt: false, reason: "not_found" }
  }
  if (fulfillment.canceled_at) {
    return { adopt: false, reason: "canceled" }
  }
  if (input.has_shipment) {
    return { adopt: false, reason: "has_shipment" }
  }
  if (isOwnFulfillment(fulfillment)) {
    return { adopt: false, reason: "own" }
  }
  if (isCheckoutLabelFulfillment(fulfillment)) {
    return { adopt: false, reason: "checkout_label" }
  }
  const digital = new Set(input.digital_line_item_ids)
  const items: ShipmentItem[] = (fulfillment.items ?? [])
    .filter((i) => i.line_item_id && !digital.has(i.line_item_id))
    .map((i) => ({ line_item_id: i.line_item_id!, title: i.title ?? "Item", quantity: Number(i.quantity ?? 0) }))
    .filter((i) => i.quantity > 0)
  if (!items.length || fulfillment.shipping_option?.shipping_profile?.type === "digital") {
    return { adopt: false, reason: "digital" }
  }

  const pickup = fulfillment.shipping_option?.service_zone?.fulfillment_set?.type === "pickup"
  const destination = fulfillment.delivery_address?.country_code?.toUpperCase() ?? null
  const origin = input.origin_country_code?.toUpperCase() ?? null
  const shipping_point = pickup
    ? ShippingPoint.PICKUP
    : origin && destination && origin !== destination
      ? ShippingPoint.INTERNATIONAL
      : ShippingPoint.LOCAL
  const status = fulfillment.delivered_at
    ? ShipmentStatus.DELIVERED
    : fulfillment.shipped_at && !pickup
      ? ShipmentStatus.SHIPPED
      : ShipmentStatus.AWAITING_SHIPMENT
  const label = (fulfillment.labels ?? []).find((l) => l.tracking_number || l.tracking_url)
  const tracking_url = label?.tracking_url?.trim() || null
  return {
    adopt: true,
    shipping_point,
    status,
    carrier: findCarrierByTrackingUrl(tracking_url)?.code ?? null,
    tracking_number: label?.tracking_number?.trim() || null,
    tracking_url,
    items,
  }
}

/** A Medusa action on a fulfillment, as its core event reports it. */
export type CoreFulfillmentAction = "shipped" | "delivered" | "canceled"

/** The shipment status each core action stands for. */
export const CORE_ACTION_STATUS: Record<CoreFulfillmentAction, ShipmentStatusValue> = {
  shipped: ShipmentStatus.SHIPPED,
  delivered: ShipmentStatus.DELIVERED,
  canceled: ShipmentStatus.CANCELED,
}

/** The timeline message of a move made by a core action. */
export const CORE_ACTION_MESSAGE: Record<CoreFulfillmentAction, string> = {
  shipped: "Marked as shipped in Medusa",
  delivered: "Marked as delivered in Medusa",
  canceled: "Fulfillment canceled in Medusa",
}

/**
 * Where a core action moves the fulfillment's shipment, or null for no move:
 * no shipment, or the shipment is there already or past it — our own moves
 * call the same core workflows and their events come back here, so they are
 * never applied twice, and nothing moves backwards (a shipment in transit
 * stays in transit when Medusa marks its fulfillment shipped). A pickup is
 * never shipped. A checkout label's cancel is left to
 * `cancelCheckoutLabelWorkflow`, which voids the label first.
 */
export function coreFulfillmentMove(
  shipment: { status: string; shipping_point?: string | null } | null | undefined,
  action: CoreFulfillmentAction,
  fulfillment?: Pick<CoreFulfillment, "provider_id" | "data"> | null
): ShipmentStatusValue | null {
  if (!shipment) {
    return null
  }
  if (action === "canceled" && isCheckoutLabelFulfillment(fulfillment)) {
    return null
  }
  const target = CORE_ACTION_STATUS[action]
  return canTransition(
    shipment.status as ShipmentStatusValue,
    target,
    (shipment.shipping_point ?? null) as ShippingPointValue | null
  )
    ? target
    : null
}

/**
 * Whether the fulfillment's shipment already stands where a core action
 * puts it (shipped: the parcel has left; delivered; canceled). That is the
 * echo of our own move — `recordShipmentEventWorkflow` ran Medusa's workflow
 * and then recomputed the order's statuses — so nothing is left to
 * recompute for it.
 */
export function isCoreActionReflected(
  shipment: { status: string } | null | undefined,
  action: CoreFulfillmentAction
): boolean {
  if (!shipment) {
    return false
  }
  if (action === "shipped") {
    return hasParcelLeft(shipment.status)
  }
  return shipment.status === CORE_ACTION_STATUS[action]
}
