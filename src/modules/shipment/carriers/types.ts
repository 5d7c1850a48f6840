import type { ShipmentStatusValue } from "../state-machine"

import type { CarrierCode } from "./registry"

/** A registered carrier's code; the list lives in the registry (`./registry.ts`). */
export type { CarrierCode } from "./registry"

/**
 * How long one request to a carrier may take before the client gives up
 * (both SDKs are configured with it). A purchase still `purchasing` a little
 * after this is known to be dead and is reconciled at the carrier.
 */
export const CARRIER_TIMEOUT_MS = 60_000

/** Every label file format the plugin knows; each carrier prints some of them (the registry's `label_formats`). */
export const LABEL_FORMATS = ["PDF", "PNG", "ZPL"] as const
export type LabelFormat = (typeof LABEL_FORMATS)[number]

export const DISTANCE_UNITS = ["cm", "in", "mm", "m", "ft", "yd"] as const
export type DistanceUnit = (typeof DISTANCE_UNITS)[number]
export const MASS_UNITS = ["g", "kg", "oz", "lb"] as const
export type MassUnit = (typeof MASS_UNITS)[number]

/** Where a label's refund stands after a void. `none` until voided. */
export const REFUND_STATUSES = ["none", "submitted", "pending", "refunded", "rejected"] as const
export type RefundStatus = (typeof REFUND_STATUSES)[number]

/** A postal address as carriers want it. */
export type CarrierAddress = {
  name: string
  company?: string | null
  street1: string
  street2?: string | null
  city: string
  /** State or province code, where the country has them. */
  state?: string | null
  postal_code: string
  /** ISO 3166-1 alpha-2, upper case. */
  country_code: string
  phone?: string | null
  email?: string | null
}

/** One package. */
export type Parcel = {
  length: number
  width: number
  height: number
  distance_unit: DistanceUnit
  weight: number
  mass_unit: MassUnit
}

/** A money amount in major units ("12.50" is 12.5). */
export type Money = { amount: number; currency_code: string }

export const CUSTOMS_CONTENTS_TYPES = ["merchandise", "gift", "documents", "sample", "return", "other"] as const
export type CustomsContentsType = (typeof CUSTOMS_CONTENTS_TYPES)[number]

/** One line of a customs declaration. */
export type CustomsItem = {
  description: string
  quantity: number
  /** Total value of the line (not per unit), in `currency_code`. */
  value: number
  currency_code: string
  /** Total weight of the line. */
  weight: number
  mass_unit: MassUnit
  hs_code: string
  /** ISO 3166-1 alpha-2 country of origin. */
  origin_country: string
}

export type CustomsDeclaration = {
  contents_type: CustomsContentsType
  /** Printed on the declaration; the shipper's name otherwise. */
  signer?: string | null
  /** What happens to an undeliverable parcel. Default `return`. */
  non_delivery?: "return" | "abandon"
  items: CustomsItem[]
}

export const SIGNATURE_OPTIONS = ["standard", "adult"] as const
export type SignatureOption = (typeof SIGNATURE_OPTIONS)[number]

/** Everything a carrier needs to quote a shipment. */
export type RateRequest = {
  from: CarrierAddress
  to: CarrierAddress
  parcels: Parcel[]
  /** Drop-off date, ISO `YYYY-MM-DD`; today when omitted. */
  shipment_date?: string | null
  insurance?: Money | null
  declared_value?: Money | null
  /** Required when `from.country_code` and `to.country_code` differ. */
  customs?: CustomsDeclaration | null
  dangerous_goods?: boolean
  signature?: SignatureOption | null
  /** Printed on the label (the order's display id). */
  reference?: string | null
  /**
   * The idempotency key of the one purchase this quote is for, when known
   * before quoting (checkout labels). Carriers that keep a reference on the
   * shipment (EasyPost) store it there, so a lost purchase can be found by it.
   */
  purchase_key?: string | null
  /**
   * The currency the quote is wanted in (the cart's). Only the sandbox honours
   * it; live carriers quote in their account currency and ignore it.
   */
  currency_code?: string | null
}

/** One quote. Amounts are in major units. */
export type CarrierRate = {
  /** The carrier's rate id (Shippo rate object_id, EasyPost rate id, sandbox `rate_…`). */
  rate_id: string
  /** The carrier's shipment id the rate belongs to (EasyPost/Shippo shipment id). */
  provider_shipment_id: string
  /** Carrier name as shown to merchants, e.g. `USPS`. */
  carrier_name: string
  /** Service name, e.g. `Priority Mail`. */
  service: string
  /** Service token, e.g. `usps_priority` / `Priority`. */
  service_code: string
  amount: number
  currency_code: string
  estimated_days: number | null
  /** ISO date-time, when the carrier gives one or it follows from `estimated_days`. */
  estimated_delivery_at: string | null
}

/** Buying the label for a rate. */
export type BuyLabelRequest = {
  rate: CarrierRate
  label_format: LabelFormat
  /**
   * Our idempotency key for this purchase. Sent to the carrier where its API
   * takes one (as metadata / reference otherwise), so {@link CarrierClient.findLabel}
   * can find a purchase whose answer was lost.
   */
  idempotency_key: string
  /** The original request, for carriers (sandbox) that derive the label from it. */
  request: RateRequest
}

/** A bought label, as the carrier reports it. */
export type PurchasedLabel = {
  /** Shippo transaction object_id; EasyPost shipment id; sandbox `lbl_…`. */
  provider_label_id: string
  provider_shipment_id: string
  tracking_number: string
  tracking_url: string | null
  /** Where the carrier hosts the label file, if it does. */
  label_url: string | null
  /** The label file itself, when the carrier hands it over directly (sandbox). */
  label_file?: { content: Buffer; mime_type: string; filename: string } | null
  label_format: LabelFormat
  carrier_name: string
  service: string
  amount: number
  currency_code: string
}

/** A tracking event as a carrier reports it, already mapped to our states. */
export type CarrierTrackingEvent = {
  /** Stable id for the event (the carrier's, or derived from its content), for dedupe. */
  provider_event_id: string
  /** Our shipment state, or null when the carrier status has no equivalent (e.g. UNKNOWN). */
  status: ShipmentStatusValue | null
  /** The carrier's own status, kept for the record. */
  carrier_status: string
  message: string | null
  location: string | null
  occurred_at: string
}

/** What a carrier knows of one parcel. */
export type CarrierTrackingUpdate = {
  tracking_number: string
  /** Carrier name/code as the carrier gives it (e.g. `usps`, `USPS`). */
  carrier: string | null
  events: CarrierTrackingEvent[]
  estimated_delivery_at: string | null
}

/** An inbound webhook request, as received. */
export type WebhookRequest = {
  /** The body exactly as received, before any JSON parsing. */
  raw_body: Buffer
  /** Header names lower-cased. */
  headers: Record<string, string | string[] | undefined>
  query: Record<string, unknown>
}

/** A label identified the way the carrier needs it. */
export type LabelRef = {
  provider_label_id: string
  provider_shipment_id: string
  tracking_number: string
  carrier_name: string
  /** Carrier-side refund id, once voided (Shippo refund object_id). */
  provider_refund_id?: string | null
}

export type VoidLabelResult = {
  refund_status: RefundStatus
  provider_refund_id: string | null
}

/**
 * One carrier behind one interface. Implementations use the carrier's
 * official SDK with a configurable base URL and never keep state in memory:
 * everything they need to resume is in the arguments.
 */
export interface CarrierClient {
  readonly code: CarrierCode
  /** Quotes, cheapest first. @throws MedusaError INVALID_DATA when the carrier rejects the request. */
  getRates(request: RateRequest): Promise<CarrierRate[]>
  /** Buys the label for a rate. @throws on any failure, with the carrier's message. */
  buyLabel(request: BuyLabelRequest): Promise<PurchasedLabel>
  /**
   * Looks for a label already bought for this rate (look before acting on a
   * retry whose first answer was lost). Null when there is none.
   */
  findLabel(rate: Pick<CarrierRate, "rate_id" | "provider_shipment_id">, idempotency_key: string): Promise<PurchasedLabel | null>
  /** Fetches a hosted label file. */
  downloadLabel(label_url: string): Promise<{ content: Buffer; mime_type: string }>
  /** Asks for the label to be voided and refunded. */
  voidLabel(label: LabelRef): Promise<VoidLabelResult>
  /** Where the refund of a voided label stands. */
  getRefundStatus(label: LabelRef): Promise<RefundStatus>
  /** Current tracking (polling). `purchased_at` lets the sandbox simulate progress. */
  track(label: LabelRef & { purchased_at?: string | null }): Promise<CarrierTrackingUpdate>
  /** True when the request carries a valid signature/token. Never throws. */
  verifyWebhook(request: WebhookRequest): boolean
  /**
   * Tracking updates in a verified webhook body; an empty list for events
   * that are not about tracking. Each update carries a stable event id.
   */
  parseWebhook(body: unknown, request: WebhookRequest): CarrierTrackingUpdate[]
}
