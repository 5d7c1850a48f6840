import { createHmac } from "node:crypto"
import { MedusaError } from "@medusajs/framework/utils"
import { Shippo, webhookPayloadTrackFromJSON } from "shippo"
import type {
  CustomsDeclarationCreateRequest,
  LabelFileTypeEnum,
  Rate as ShippoRate,
  ShipmentCreateRequest,
  Track,
  TrackingStatus,
  Transaction,
} from "shippo"
import { ShippoError } from "shippo/models/errors"
import { mapShippoStatus } from "../status-map"
import type {
  BuyLabelRequest,
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
  collectMessages,
  headerValue,
  isInternational,
  requireCustomsIfInternational,
  round,
  safeEqual,
  sha256,
  downloadLabelFile,
} from "../util"

/** Options of the Shippo carrier (`carriers.shippo` in the plugin options). */
export type ShippoCarrierOptions = {
  api_key: string
  /** Default `https://api.goshippo.com`. */
  base_url?: string
  /** The `?token=` on the webhook URL; without it every webhook is refused. */
  webhook_token?: string
  /** When set, the `Shippo-Auth-Signature` HMAC is required as well. */
  webhook_hmac_secret?: string
  /** Whether Shippo pushes tracking (otherwise polled). Default true. */
  webhooks?: boolean
}

/** Test seams. */
export type ShippoCarrierDeps = {
  now?: () => Date
  fetch?: typeof fetch
}

/** Oldest `Shippo-Auth-Signature` timestamp accepted, against replays. */
export const SHIPPO_SIGNATURE_TOLERANCE_SECONDS = 300

const LABEL_FILE_TYPES: Record<LabelFormat, LabelFileTypeEnum> = { PDF: "PDF_4x6", PNG: "PNG", ZPL: "ZPLII" }

const CONTENTS_TYPES: Record<CustomsContentsType, CustomsDeclarationCreateRequest["contentsType"]> = {
  merchandise: "MERCHANDISE",
  gift: "GIFT",
  documents: "DOCUMENTS",
  sample: "SAMPLE",
  return: "RETURN_MERCHANDISE",
  other: "OTHER",
}

/**
 * Shippo, through the official `shippo` SDK. Stateless: everything needed to
 * resume (rate id, transaction id, refund id) travels in the arguments.
 */
export class ShippoCarrierClient implements CarrierClient {
  readonly code = "shippo" as const
  private readonly sdk: Shippo
  private readonly options: ShippoCarrierOptions
  private readonly now: () => Date
  private readonly fetchImpl: typeof fetch

  constructor(options: ShippoCarrierOptions, deps: ShippoCarrierDeps = {}) {
    this.options = options
    this.now = deps.now ?? (() => new Date())
    this.fetchImpl = deps.fetch ?? fetch
    this.sdk = new Shippo({
      apiKeyHeader: `ShippoToken ${options.api_key}`,
      serverURL: options.base_url?.replace(/\/+$/, ""),
      timeoutMs: CARRIER_TIMEOUT_MS,
    })
  }

  /**
   * Creates a Shippo shipment (with a customs declaration first when
   * international) synchronously and returns its rates, cheapest first.
   *
   * @throws MedusaError INVALID_DATA with Shippo's message when it rejects the
   *   request or returns no rate; UNEXPECTED_STATE when Shippo is down.
   */
  async getRates(request: RateRequest): Promise<CarrierRate[]> {
    requireCustomsIfInternational(request)
    let customsDeclaration: string | undefined
    if (isInternational(request) && request.customs) {
      const customs = request.customs
      const declaration = await this.call("customs declaration", () =>
        this.sdk.customsDeclarations.create({
          certify: true,
          certifySigner: customs.signer ?? request.from.name,
          contentsType: CONTENTS_TYPES[customs.contents_type],
          contentsExplanation: customs.contents_type === "other" ? customs.items.map((i) => i.description).join(", ").slice(0, 200) : undefined,
          nonDeliveryOption: customs.non_delivery === "abandon" ? "ABANDON" : "RETURN",
          items: customs.items.map((item) => ({
            description: item.description,
            quantity: item.quantity,
            netWeight: String(item.weight),
            massUnit: item.mass_unit,
            valueAmount: item.value.toFixed(2),
            valueCurrency: item.currency_code.toUpperCase(),
            originCountry: item.origin_country.toUpperCase(),
            hsCode: item.hs_code,
          })),
        })
      )
      customsDeclaration = declaration.objectId
    }

    const address = (a: RateRequest["from"]) => ({
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
    })
    const body: ShipmentCreateRequest = {
      addressFrom: address(request.from),
      addressTo: address(request.to),
      parcels: request.parcels.map((p) => ({
        length: String(p.length),
        width: String(p.width),
        height: String(p.height),
        distanceUnit: p.distance_unit,
        weight: String(p.weight),
        massUnit: p.mass_unit,
      })),
      shipmentDate: request.shipment_date ? `${request.shipment_date}T12:00:00.000Z` : undefined,
      customsDeclaration,
      extra: {
        insurance: request.insurance
          ? { amount: request.insurance.amount.toFixed(2), currency: request.insurance.currency_code.toUpperCase(), content: "Merchandise" }
          : undefined,
        signatureConfirmation: request.signature ? (request.signature === "adult" ? "ADULT" : "STANDARD") : undefined,
        dangerousGoods: request.dangerous_goods ? { contains: true } : undefined,
        reference1: request.reference ?? undefined,
      },
      async: false,
    }
    const shipment = await this.call("shipment", () => this.sdk.shipments.create(body))
    if (!shipment.rates.length) {
      const why = shipment.messages.map((m) => [m.source, m.text].filter(Boolean).join(": ")).join("; ")
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Shippo returned no rates${why ? `: ${why}` : ""}`)
    }
    const start = request.shipment_date ?? this.now().toISOString().slice(0, 10)
    return shipment.rates
      .map((rate) => toCarrierRate(rate, shipment.objectId, start))
      .sort((a, b) => a.amount - b.amount)
  }

  /**
   * Buys the label: a synchronous transaction for the rate, carrying the
   * idempotency key as metadata so {@link findLabel} can find it.
   *
   * @throws MedusaError INVALID_DATA with Shippo's messages when the
   *   transaction fails; UNEXPECTED_STATE when Shippo is down or the
   *   transaction is still queued.
   */
  async buyLabel(input: BuyLabelRequest): Promise<PurchasedLabel> {
    const transaction = await this.call("label purchase", () =>
      this.sdk.transactions.create({
        rate: input.rate.rate_id,
        labelFileType: LABEL_FILE_TYPES[input.label_format],
        async: false,
        metadata: input.idempotency_key,
      })
    )
    if (transaction.status === "ERROR") {
      const why = (transaction.messages ?? []).map((m) => m.text).filter(Boolean).join("; ")
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Shippo could not buy the label: ${why || "no reason given"}`)
    }
    if (transaction.status !== "SUCCESS") {
      throw new MedusaError(
        MedusaError.Types.UNEXPECTED_STATE,
        `Shippo label purchase ${transaction.objectId ?? ""} is ${transaction.status ?? "in an unknown state"}, not SUCCESS`
      )
    }
    return toPurchasedLabel(transaction, input.rate, input.label_format)
  }

  /**
   * Looks for a successful transaction whose metadata is our idempotency key
   * (sent with every purchase). Shippo lists transactions by rate, so the
   * rate narrows the search when it is known; without one the newest
   * transactions are searched for the key.
   */
  async findLabel(
    rate: Pick<CarrierRate, "rate_id" | "provider_shipment_id">,
    idempotency_key: string
  ): Promise<PurchasedLabel | null> {
    const list = await this.call("transaction lookup", () =>
      this.sdk.transactions.list(rate.rate_id ? { rate: rate.rate_id, results: 100 } : { results: 100 })
    )
    const transaction = (list.results ?? []).find(
      (t) => t.metadata === idempotency_key && t.status === "SUCCESS" && (!rate.rate_id || rateIdOf(t) === rate.rate_id)
    )
    const rateId = transaction ? rateIdOf(transaction) : undefined
    if (!transaction || !rateId) {
      return null
    }
    const shippoRate = await this.call("rate lookup", () => this.sdk.rates.get(rateId))
    const format = formatOf(transaction.labelFileType)
    return toPurchasedLabel(transaction, toCarrierRate(shippoRate, rate.provider_shipment_id || shippoRate.shipment || "", null), format)
  }

  /**
   * Downloads a label file Shippo hosts.
   *
   * @throws MedusaError UNEXPECTED_STATE when the download fails.
   */
  async downloadLabel(label_url: string): Promise<{ content: Buffer; mime_type: string }> {
    return await downloadLabelFile(this.fetchImpl, "Shippo", label_url)
  }

  /**
   * Asks Shippo to refund the label's transaction.
   *
   * @throws MedusaError INVALID_DATA when Shippo refuses (e.g. already used).
   */
  async voidLabel(label: LabelRef): Promise<VoidLabelResult> {
    const refund = await this.call("refund", () => this.sdk.refunds.create({ transaction: label.provider_label_id, async: false }))
    return { refund_status: mapRefundStatus(refund.status), provider_refund_id: refund.objectId ?? null }
  }

  /** The refund's status; `none` when the label was never voided. */
  async getRefundStatus(label: LabelRef): Promise<RefundStatus> {
    if (!label.provider_refund_id) {
      return "none"
    }
    const id = label.provider_refund_id
    const refund = await this.call("refund lookup", () => this.sdk.refunds.get(id))
    return mapRefundStatus(refund.status)
  }

  /** Current tracking, `GET /tracks/{carrier}/{tracking_number}`. */
  async track(label: LabelRef & { purchased_at?: string | null }): Promise<CarrierTrackingUpdate> {
    const carrier = shippoCarrierToken(label.carrier_name)
    const track = await this.call("tracking", () => this.sdk.trackingStatus.get(label.tracking_number, carrier))
    return toTrackingUpdate(track)
  }

  /**
   * Checks the webhook's `?token=` against `webhook_token` and, when
   * `webhook_hmac_secret` is set, its `Shippo-Auth-Signature` header.
   * No token configured: everything is refused.
   *
   * The HMAC scheme follows Shippo's "Webhook security" page
   * (https://docs.goshippo.com/docs/tracking/webhooksecurity, "HMAC Security"):
   * header `Shippo-Auth-Signature: t=<unix seconds>,v1=<hex>` where the hex is
   * HMAC-SHA256, keyed with the secret Shippo provisions, over
   * `"<t>.<raw body>"`. The stored copy of that page is cut off at the HMAC
   * heading; the format was corroborated by several independent integrations.
   */
  verifyWebhook(request: WebhookRequest): boolean {
    try {
      const expected = this.options.webhook_token
      const raw = request.query?.token
      const token = Array.isArray(raw) ? raw[0] : raw
      if (!expected || typeof token !== "string" || !safeEqual(token, expected)) {
        return false
      }
      const secret = this.options.webhook_hmac_secret
      if (!secret) {
        return true
      }
      const header = headerValue(request.headers, "shippo-auth-signature")
      if (!header) {
        return false
      }
      const parts = new Map<string, string[]>()
      for (const piece of header.split(",")) {
        const eq = piece.indexOf("=")
        if (eq > 0) {
          const key = piece.slice(0, eq).trim()
          parts.set(key, [...(parts.get(key) ?? []), piece.slice(eq + 1).trim()])
        }
      }
      const t = parts.get("t")?.[0]
      const signatures = parts.get("v1") ?? []
      if (!t || !/^\d+$/.test(t) || !signatures.length) {
        return false
      }
      if (Math.abs(this.now().getTime() / 1000 - Number(t)) > SHIPPO_SIGNATURE_TOLERANCE_SECONDS) {
        return false
      }
      const digest = signShippoPayload(t, request.raw_body, secret)
      return signatures.some((sig) => safeEqual(sig.toLowerCase(), digest))
    } catch {
      return false
    }
  }

  /**
   * `track_updated` events become one update (history plus current status);
   * every other event, or a body the SDK cannot read as a track, gives none.
   */
  parseWebhook(body: unknown, request: WebhookRequest): CarrierTrackingUpdate[] {
    if (!body || typeof body !== "object" || (body as { event?: unknown }).event !== "track_updated") {
      return []
    }
    const parsed = webhookPayloadTrackFromJSON(request.raw_body.toString("utf8"))
    if (!parsed.ok || !parsed.value.data) {
      return []
    }
    return [toTrackingUpdate(parsed.value.data)]
  }

  /** Runs one SDK call, converting its failures into MedusaErrors. */
  private async call<T>(operation: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn()
    } catch (e) {
      if (e instanceof MedusaError) {
        throw e
      }
      if (e instanceof ShippoError) {
        let message: string = e.body
        try {
          message = collectMessages(JSON.parse(e.body)).join("; ") || e.body
        } catch {
          // not JSON: keep the raw body
        }
        throw carrierError("Shippo", operation, e.statusCode, message || e.message)
      }
      throw carrierError("Shippo", operation, null, (e as Error)?.message ?? String(e))
    }
  }
}

/** Hex HMAC-SHA256 of `"<t>.<body>"`, as in Shippo's `Shippo-Auth-Signature`. */
export function signShippoPayload(timestamp: string, body: Buffer | string, secret: string): string {
  return createHmac("sha256", secret)
    .update(`${timestamp}.`, "utf8")
    .update(typeof body === "string" ? Buffer.from(body, "utf8") : body)
    .digest("hex")
}

/**
 * Shippo's carrier token from the provider name a rate shows
 * (`USPS` → `usps`, `DHL Express` → `dhl_express`); tokens pass through.
 */
export function shippoCarrierToken(carrier_name: string): string {
  return carrier_name.trim().toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_+|_+$/g, "")
}

function toCarrierRate(rate: ShippoRate, shipmentId: string, start: string | null): CarrierRate {
  const days = rate.estimatedDays ?? null
  return {
    rate_id: rate.objectId,
    provider_shipment_id: rate.shipment || shipmentId,
    carrier_name: rate.provider,
    service: rate.servicelevel.name ?? rate.servicelevel.token ?? "",
    service_code: rate.servicelevel.token ?? "",
    amount: round(Number(rate.amount)),
    currency_code: rate.currency.toUpperCase(),
    estimated_days: days,
    estimated_delivery_at: days !== null && start ? addDays(start, days) : null,
  }
}

function rateIdOf(t: Transaction): string | undefined {
  return typeof t.rate === "string" ? t.rate : t.rate?.objectId
}

function formatOf(type: LabelFileTypeEnum | undefined): LabelFormat {
  if (type === "ZPLII") {
    return "ZPL"
  }
  return type?.startsWith("PNG") ? "PNG" : "PDF"
}

function toPurchasedLabel(t: Transaction, rate: CarrierRate, format: LabelFormat): PurchasedLabel {
  if (!t.objectId || !t.trackingNumber) {
    throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, "Shippo returned a label without an id or tracking number")
  }
  return {
    provider_label_id: t.objectId,
    provider_shipment_id: rate.provider_shipment_id,
    tracking_number: t.trackingNumber,
    tracking_url: t.trackingUrlProvider || null,
    label_url: t.labelUrl || null,
    label_file: null,
    label_format: t.labelFileType ? formatOf(t.labelFileType) : format,
    carrier_name: rate.carrier_name,
    service: rate.service,
    amount: rate.amount,
    currency_code: rate.currency_code,
  }
}

function mapRefundStatus(status: string | undefined): RefundStatus {
  switch (status) {
    case "SUCCESS":
      return "refunded"
    case "ERROR":
      return "rejected"
    default:
      return "pending"
  }
}

function locationOf(s: TrackingStatus): string | null {
  const l = s.location
  if (!l) {
    return null
  }
  const text = [l.city, l.state, l.zip, l.country].filter(Boolean).join(", ")
  return text || null
}

function toEvent(s: TrackingStatus, trackingNumber: string): CarrierTrackingEvent {
  const occurred = (s.statusDate ?? s.objectCreated).toISOString()
  return {
    provider_event_id: s.objectId || sha256(`${trackingNumber}:${s.status}:${occurred}`).slice(0, 32),
    status: mapShippoStatus(s.status, s.substatus?.code),
    carrier_status: s.substatus?.code ? `${s.status}:${s.substatus.code}` : s.status,
    message: s.statusDetails || s.substatus?.text || null,
    location: locationOf(s),
    occurred_at: occurred,
  }
}

function toTrackingUpdate(track: Track): CarrierTrackingUpdate {
  const seen = new Set<string>()
  const events: CarrierTrackingEvent[] = []
  for (const status of [...track.trackingHistory, ...(track.trackingStatus ? [track.trackingStatus] : [])]) {
    const event = toEvent(status, track.trackingNumber)
    if (!seen.has(event.provider_event_id)) {
      seen.add(event.provider_event_id)
      events.push(event)
    }
  }
  events.sort((a, b) => a.occurred_at.localeCompare(b.occurred_at))
  return {
    tracking_number: track.trackingNumber,
    carrier: track.carrier,
    events,
    estimated_delivery_at: track.eta ? track.eta.toISOString() : null,
  }
}
