import EasyPostClient from "@easypost/api"
import { MedusaError } from "@medusajs/framework/utils"
import { mapEasyPostStatus } from "../status-map"
import type {
  BuyLabelRequest,
  CarrierAddress,
  CarrierClient,
  CarrierRate,
  CarrierTrackingEvent,
  CarrierTrackingUpdate,
  CustomsContentsType,
  LabelFormat,
  LabelRef,
  PurchasedLabel,
  RateRequest,
  RefundStatus,
  VoidLabelResult,
  WebhookRequest,
} from "../types"
import { CARRIER_TIMEOUT_MS } from "../types"
import {
  addDays,
  carrierError,
  convertDistance,
  convertMass,
  headerValue,
  isInternational,
  requireCustomsIfInternational,
  round,
  sha256,
  downloadLabelFile,
} from "../util"

/** Options of the EasyPost carrier (`carriers.easypost` in the plugin options). */
export type EasyPostCarrierOptions = {
  api_key: string
  /** Default `https://api.easypost.com/v2`. */
  base_url?: string
  /** The secret set on the EasyPost webhook; without it every webhook is refused. */
  webhook_secret?: string
  /** Whether EasyPost pushes tracking (otherwise polled). Default true. */
  webhooks?: boolean
}

/** Test seams. */
export type EasyPostCarrierDeps = {
  now?: () => Date
  fetch?: typeof fetch
}

/** The subset of EasyPost objects we read, as the API returns them. */
type EPRate = {
  id: string
  shipment_id?: string
  carrier: string
  service: string
  rate: string
  currency: string
  delivery_days?: number | null
  est_delivery_days?: number | null
  delivery_date?: string | null
}
type EPPostageLabel = {
  label_url?: string | null
  label_pdf_url?: string | null
  label_zpl_url?: string | null
  label_file_type?: string | null
}
type EPTrackingDetail = {
  datetime?: string | null
  message?: string | null
  status?: string | null
  status_detail?: string | null
  tracking_location?: { city?: string | null; state?: string | null; zip?: string | null; country?: string | null } | null
}
type EPTracker = {
  id: string
  tracking_code: string
  carrier?: string | null
  status?: string | null
  est_delivery_date?: string | null
  public_url?: string | null
  updated_at?: string | null
  tracking_details?: EPTrackingDetail[] | null
}
type EPShipment = {
  id: string
  rates?: EPRate[] | null
  messages?: { carrier?: string; message?: string }[] | null
  selected_rate?: EPRate | null
  postage_label?: EPPostageLabel | null
  tracking_code?: string | null
  tracker?: EPTracker | null
  refund_status?: string | null
}

const CONTENTS_TYPES: Record<CustomsContentsType, string> = {
  merchandise: "merchandise",
  gift: "gift",
  documents: "documents",
  sample: "sample",
  return: "returned_goods",
  other: "other",
}

const DEFAULT_BASE_URL = "https://api.easypost.com/v2/"

/**
 * EasyPost, through the official `@easypost/api` SDK. One parcel per
 * shipment (EasyPost's model); weights go out in ounces, dimensions in inches.
 */
export class EasyPostCarrierClient implements CarrierClient {
  readonly code = "easypost" as const
  private readonly sdk: InstanceType<typeof EasyPostClient>
  private readonly options: EasyPostCarrierOptions
  private readonly now: () => Date
  private readonly fetchImpl: typeof fetch

  constructor(options: EasyPostCarrierOptions, deps: EasyPostCarrierDeps = {}) {
    this.options = options
    this.now = deps.now ?? (() => new Date())
    this.fetchImpl = deps.fetch ?? fetch
    // The SDK appends paths to baseUrl as-is, so it must end with a slash.
    const baseUrl = options.base_url ? `${options.base_url.replace(/\/+$/, "")}/` : DEFAULT_BASE_URL
    this.sdk = new EasyPostClient(options.api_key, { baseUrl, timeout: CARRIER_TIMEOUT_MS })
  }

  /**
   * Creates an EasyPost shipment and returns its rates, cheapest first.
   *
   * @throws MedusaError INVALID_DATA for more than one parcel (EasyPost takes
   *   one per shipment), non-USD insurance, or when EasyPost rejects the
   *   request or returns no rate; UNEXPECTED_STATE when EasyPost is down.
   */
  async getRates(request: RateRequest): Promise<CarrierRate[]> {
    if (request.parcels.length !== 1) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `parcels: EasyPost quotes exactly one parcel per shipment, got ${request.parcels.length}; split the shipment`
      )
    }
    if (request.insurance && request.insurance.currency_code.toUpperCase() !== "USD") {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "insurance.currency_code: EasyPost insures in USD only")
    }
    requireCustomsIfInternational(request)
    const parcel = request.parcels[0]
    const inches = (v: number) => round(convertDistance(v, parcel.distance_unit, "in"), 1)
    const options: Record<string, unknown> = {}
    if (request.shipment_date) {
      options.label_date = `${request.shipment_date}T12:00:00Z`
    }
    if (request.signature) {
      options.delivery_confirmation = request.signature === "adult" ? "ADULT_SIGNATURE" : "SIGNATURE"
    }
    if (request.dangerous_goods) {
      // EasyPost wants a hazmat class; we only know "contains dangerous goods".
      // LIMITED_QUANTITY is the class ordinary consumer goods (aerosols,
      // perfume, small batteries) ship under.
      options.hazmat = "LIMITED_QUANTITY"
    }
    if (request.reference) {
      options.print_custom_1 = request.reference
    }
    const params: Record<string, unknown> = {
      // Our purchase key when the shipment is made for one purchase (checkout
      // labels), so findLabel can retrieve it by reference after a lost answer.
      reference: request.purchase_key ?? request.reference ?? undefined,
      from_address: toAddress(request.from),
      to_address: toAddress(request.to),
      parcel: {
        length: inches(parcel.length),
        width: inches(parcel.width),
        height: inches(parcel.height),
        weight: round(convertMass(parcel.weight, parcel.mass_unit, "oz"), 1),
      },
      options,
    }
    if (isInternational(request) && request.customs) {
      const customs = request.customs
      params.customs_info = {
        contents_type: CONTENTS_TYPES[customs.contents_type],
        contents_explanation: customs.contents_type === "other" ? customs.items.map((i) => i.description).join(", ").slice(0, 255) : undefined,
        customs_certify: true,
        customs_signer: customs.signer ?? request.from.name,
        non_delivery_option: customs.non_delivery ?? "return",
        restriction_type: "none",
        eel_pfc: "NOEEI 30.37(a)",
        customs_items: customs.items.map((item) => ({
          description: item.description,
          quantity: item.quantity,
          value: round(item.value),
          currency: item.currency_code.toUpperCase(),
          weight: round(convertMass(item.weight, item.mass_unit, "oz"), 1),
          hs_tariff_number: item.hs_code,
          origin_country: item.origin_country.toUpperCase(),
        })),
      }
    }
    const shipment = (await this.call("shipment", () => this.sdk.Shipment.create(params))) as unknown as EPShipment
    const rates = shipment.rates ?? []
    if (!rates.length) {
      const why = (shipment.messages ?? []).map((m) => [m.carrier, m.message].filter(Boolean).join(": ")).join("; ")
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `EasyPost returned no rates${why ? `: ${why}` : ""}`)
    }
    const start = request.shipment_date ?? this.now().toISOString().slice(0, 10)
    return rates.map((r) => toCarrierRate(r, shipment.id, start)).sort((a, b) => a.amount - b.amount)
  }

  /**
   * Buys the rate on its shipment (with insurance when asked), then converts
   * the label when the format is not EasyPost's default PNG.
   *
   * @throws MedusaError INVALID_DATA with EasyPost's message when it refuses
   *   (e.g. the shipment was already bought); UNEXPECTED_STATE when down.
   */
  async buyLabel(input: BuyLabelRequest): Promise<PurchasedLabel> {
    const shipmentId = input.rate.provider_shipment_id
    const insurance = input.request.insurance?.amount
    let shipment = (await this.call("label purchase", () =>
      insurance ? this.sdk.Shipment.buy(shipmentId, input.rate.rate_id, insurance) : this.sdk.Shipment.buy(shipmentId, input.rate.rate_id)
    )) as unknown as EPShipment
    if (input.label_format !== "PNG") {
      shipment = (await this.call("label conversion", () =>
        this.sdk.Shipment.convertLabelFormat(shipmentId, input.label_format)
      )) as unknown as EPShipment
    }
    return toPurchasedLabel(shipment, input.label_format)
  }

  /**
   * Retrieves the shipment the rate belongs to — or, without one, the
   * shipment whose `reference` is our idempotency key (EasyPost takes a
   * reference wherever it takes an id) — and returns its label when it was
   * bought (for this very rate, when the rate is known).
   */
  async findLabel(rate: Pick<CarrierRate, "rate_id" | "provider_shipment_id">, idempotency_key?: string): Promise<PurchasedLabel | null> {
    const id = rate.provider_shipment_id || idempotency_key
    if (!id) {
      return null
    }
    const shipment = (await this.call("shipment lookup", async () => {
      try {
        return await this.sdk.Shipment.retrieve(id)
      } catch (error) {
        // No shipment carries the key as its reference: nothing was bought with it.
        if (!rate.provider_shipment_id && (error as { statusCode?: number }).statusCode === 404) {
          return null
        }
        throw error
      }
    })) as unknown as EPShipment | null
    if (!shipment) {
      return null
    }
    if (
      !shipment.postage_label ||
      !shipment.tracking_code ||
      (rate.rate_id && shipment.selected_rate?.id !== rate.rate_id) ||
      // Found by reference: a label already refunded is not a purchase to reuse.
      (!rate.provider_shipment_id && shipment.refund_status)
    ) {
      return null
    }
    const label = shipment.postage_label
    const format: LabelFormat = label.label_pdf_url ? "PDF" : label.label_zpl_url ? "ZPL" : "PNG"
    return toPurchasedLabel(shipment, format)
  }

  /**
   * Downloads a label file EasyPost hosts.
   *
   * @throws MedusaError UNEXPECTED_STATE when the download fails.
   */
  async downloadLabel(label_url: string): Promise<{ content: Buffer; mime_type: string }> {
    return await downloadLabelFile(this.fetchImpl, "EasyPost", label_url)
  }

  /**
   * Asks EasyPost to refund the shipment's label. EasyPost tracks the refund
   * on the shipment itself, so there is no refund id.
   */
  async voidLabel(label: LabelRef): Promise<VoidLabelResult> {
    const shipment = (await this.call("refund", () =>
      this.sdk.Shipment.refund(label.provider_shipment_id)
    )) as unknown as EPShipment
    return { refund_status: mapRefundStatus(shipment.refund_status), provider_refund_id: null }
  }

  /** The shipment's `refund_status`; `none` when never voided. */
  async getRefundStatus(label: LabelRef): Promise<RefundStatus> {
    const shipment = (await this.call("refund lookup", () =>
      this.sdk.Shipment.retrieve(label.provider_shipment_id)
    )) as unknown as EPShipment
    return mapRefundStatus(shipment.refund_status)
  }

  /**
   * Current tracking. `Tracker.create` with an existing code and carrier
   * returns EasyPost's existing tracker rather than a new one.
   */
  async track(label: LabelRef & { purchased_at?: string | null }): Promise<CarrierTrackingUpdate> {
    const tracker = (await this.call("tracking", () =>
      this.sdk.Tracker.create({ tracking_code: label.tracking_number, carrier: label.carrier_name })
    )) as unknown as EPTracker
    return toTrackingUpdate(tracker)
  }

  /**
   * Verifies `X-Hmac-Signature` with the SDK's own validator
   * (`Utils.validateWebhook`: HMAC-SHA256 hex over the raw body, keyed with
   * the NFKD-normalised secret, compared in constant time). No secret, no
   * header or a mismatch: false.
   */
  verifyWebhook(request: WebhookRequest): boolean {
    const secret = this.options.webhook_secret
    const signature = headerValue(request.headers, "x-hmac-signature")
    if (!secret || !signature) {
      return false
    }
    try {
      this.sdk.Utils.validateWebhook(request.raw_body, { "x-hmac-signature": signature }, secret)
      return true
    } catch {
      return false
    }
  }

  /** `tracker.created` / `tracker.updated` events give one update; others none. */
  parseWebhook(body: unknown): CarrierTrackingUpdate[] {
    if (!body || typeof body !== "object") {
      return []
    }
    const event = body as { object?: unknown; description?: unknown; result?: unknown }
    if (event.object !== "Event" || (event.description !== "tracker.updated" && event.description !== "tracker.created")) {
      return []
    }
    const tracker = event.result as EPTracker | undefined
    if (!tracker || typeof tracker !== "object" || typeof tracker.tracking_code !== "string" || typeof tracker.id !== "string") {
      return []
    }
    return [toTrackingUpdate(tracker)]
  }

  /** Runs one SDK call, converting its failures into MedusaErrors. */
  private async call<T>(operation: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn()
    } catch (e) {
      if (e instanceof MedusaError) {
        throw e
      }
      const err = e as { statusCode?: unknown; message?: string; errors?: { field?: string; message?: string }[] }
      const fields = Array.isArray(err?.errors)
        ? err.errors.map((f) => [f.field, f.message].filter(Boolean).join(": ")).filter(Boolean)
        : []
      const message = [err?.message, ...fields].filter(Boolean).join("; ") || String(e)
      throw carrierError("EasyPost", operation, typeof err?.statusCode === "number" ? err.statusCode : null, message)
    }
  }
}

function toAddress(a: CarrierAddress): Record<string, unknown> {
  return {
    name: a.name,
    company: a.company ?? undefined,
    street1: a.street1,
    street2: a.street2 ?? undefined,
    city: a.city,
    state: a.state ?? undefined,
    zip: a.postal_code,
    country: a.country_code.toUpperCase(),
    phone: a.phone ?? undefined,
    email: a.email ?? undefined,
  }
}

function toCarrierRate(r: EPRate, shipmentId: string, start: string): CarrierRate {
  const days = r.delivery_days ?? r.est_delivery_days ?? null
  return {
    rate_id: r.id,
    provider_shipment_id: r.shipment_id || shipmentId,
    carrier_name: r.carrier,
    service: r.service,
    service_code: r.service,
    amount: round(Number(r.rate)),
    currency_code: r.currency.toUpperCase(),
    estimated_days: days,
    estimated_delivery_at: r.delivery_date ? new Date(r.delivery_date).toISOString() : days !== null ? addDays(start, days) : null,
  }
}

function toPurchasedLabel(shipment: EPShipment, format: LabelFormat): PurchasedLabel {
  const rate = shipment.selected_rate
  const label = shipment.postage_label
  if (!rate || !label || !shipment.tracking_code) {
    throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `EasyPost shipment ${shipment.id} has no label after purchase`)
  }
  const url = format === "PDF" ? label.label_pdf_url : format === "ZPL" ? label.label_zpl_url : label.label_url
  return {
    provider_label_id: shipment.id,
    provider_shipment_id: shipment.id,
    tracking_number: shipment.tracking_code,
    tracking_url: shipment.tracker?.public_url ?? null,
    label_url: url ?? label.label_url ?? null,
    label_file: null,
    label_format: format,
    carrier_name: rate.carrier,
    service: rate.service,
    amount: round(Number(rate.rate)),
    currency_code: rate.currency.toUpperCase(),
  }
}

/**
 * `not_applicable` is what bill-on-scan carriers answer: there is no refund
 * to wait for. It becomes `rejected` so a merchant looks at it, rather than
 * `refunded`, which would claim money came back.
 */
function mapRefundStatus(status: string | null | undefined): RefundStatus {
  switch (status) {
    case "submitted":
      return "submitted"
    case "refunded":
      return "refunded"
    case "rejected":
    case "not_applicable":
      return "rejected"
    default:
      return "none"
  }
}

function toTrackingUpdate(tracker: EPTracker): CarrierTrackingUpdate {
  const events: CarrierTrackingEvent[] = (tracker.tracking_details ?? [])
    .filter((d) => d.datetime)
    .map((d) => {
      const l = d.tracking_location
      const location = l ? [l.city, l.state, l.zip, l.country].filter(Boolean).join(", ") : ""
      return {
        provider_event_id: sha256(`${tracker.id}:${d.datetime}:${d.status ?? ""}`).slice(0, 32),
        status: mapEasyPostStatus(d.status),
        carrier_status: d.status_detail ? `${d.status ?? "unknown"}:${d.status_detail}` : d.status ?? "unknown",
        message: d.message || null,
        location: location || null,
        occurred_at: new Date(d.datetime as string).toISOString(),
      }
    })
  if (!events.length && tracker.status && tracker.updated_at) {
    events.push({
      provider_event_id: sha256(`${tracker.id}:${tracker.updated_at}:${tracker.status}`).slice(0, 32),
      status: mapEasyPostStatus(tracker.status),
      carrier_status: tracker.status,
      message: null,
      location: null,
      occurred_at: new Date(tracker.updated_at).toISOString(),
    })
  }
  events.sort((a, b) => a.occurred_at.localeCompare(b.occurred_at))
  return {
    tracking_number: tracker.tracking_code,
    carrier: tracker.carrier ?? null,
    events,
    estimated_delivery_at: tracker.est_delivery_date ? new Date(tracker.est_delivery_date).toISOString() : null,
  }
}
