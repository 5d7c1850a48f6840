import { createHmac } from "node:crypto"
import { makeIdFactory, startFake, tinyPdf, TINY_PNG, type FakeResponse, type FakeServerHandle, type RecordedRequest } from "./http-fake"

export type { RecordedRequest } from "./http-fake"

/**
 * A fake Shippo API (https://api.goshippo.com) speaking the real protocol
 * closely enough for the official `shippo` SDK: snake_case bodies,
 * `Authorization: ShippoToken <key>`, 201 on creates, object_id /
 * object_state / status fields. State is kept so transactions, refunds and
 * tracks stay consistent. Labels are served from `/labels/<id>.<ext>`.
 */

export const SHIPPO_FAKE_API_KEY = "shippo_test_fakekey"

/** A tracking status as Shippo returns it. */
export type ShippoFakeTrackingStatus = {
  object_id: string
  object_created: string
  object_updated: string
  status: "UNKNOWN" | "PRE_TRANSIT" | "TRANSIT" | "DELIVERED" | "RETURNED" | "FAILURE"
  status_details: string
  status_date: string
  substatus?: { code: string; text: string; action_required: boolean }
  location?: { city?: string; state?: string; zip?: string; country?: string }
}

export type ShippoFakeState = {
  api_key: string
  shipments: Map<string, any>
  rates: Map<string, any>
  transactions: Map<string, any>
  refunds: Map<string, any>
  customs: Map<string, any>
  /** Tracking history per tracking number (last entry = current status). */
  tracks: Map<string, { carrier: string; history: ShippoFakeTrackingStatus[]; eta: string | null }>
  /** Labels sold (successful transactions created). */
  label_purchases: number
  /** When set, the next transactions fail with status ERROR and this message. */
  transaction_error: string | null
  /** When true, shipments come back with no rates and a carrier message. */
  no_rates: boolean
  /**
   * Recipient streets (address_to.street1) the carrier cannot deliver to: a
   * transaction for such a shipment fails with status ERROR and Shippo's
   * address message, as the real API answers an undeliverable address.
   */
  rejected_streets: Set<string>
  /**
   * Called once a label is sold and before the answer is sent (a test kills
   * the buying process here: the carrier has charged, the buyer never knows).
   */
  after_sale: ((transaction: any) => void) | null
}

export type ShippoFakeHandle = FakeServerHandle<ShippoFakeState> & {
  /** Appends a tracking status for a tracking number (creates the track if needed). */
  pushTrackingStatus(
    tracking_number: string,
    status: ShippoFakeTrackingStatus["status"],
    details?: string,
    extra?: Partial<Pick<ShippoFakeTrackingStatus, "substatus" | "location" | "status_date">>
  ): ShippoFakeTrackingStatus
  /** The track as `GET /tracks` would return it (also the `data` of a `track_updated` webhook). */
  trackBody(tracking_number: string): any
}

/** Starts the fake on 127.0.0.1 with a random port. */
export async function startShippoFake(options: { api_key?: string; /** the fake's clock (default: the real one) */ now?: () => Date } = {}): Promise<ShippoFakeHandle> {
  const ISO = (d = (options.now ?? (() => new Date()))()) => d.toISOString()
  const nextId = makeIdFactory()
  const state: ShippoFakeState = {
    api_key: options.api_key ?? SHIPPO_FAKE_API_KEY,
    shipments: new Map(),
    rates: new Map(),
    transactions: new Map(),
    refunds: new Map(),
    customs: new Map(),
    tracks: new Map(),
    label_purchases: 0,
    after_sale: null,
    transaction_error: null,
    no_rates: false,
    rejected_streets: new Set(),
  }

  const meta = () => ({ object_created: ISO(), object_updated: ISO(), object_owner: "fake@shippo.test" })

  const pushTrackingStatus: ShippoFakeHandle["pushTrackingStatus"] = (tracking, status, details, extra = {}) => {
    const track = state.tracks.get(tracking) ?? { carrier: "usps", history: [], eta: null }
    state.tracks.set(tracking, track)
    const entry: ShippoFakeTrackingStatus = {
      object_id: nextId("trkst_"),
      object_created: ISO(),
      object_updated: ISO(),
      status,
      status_details: details ?? status,
      status_date: extra.status_date ?? ISO(),
      ...(extra.substatus ? { substatus: extra.substatus } : {}),
      location: extra.location ?? { city: "San Francisco", state: "CA", zip: "94103", country: "US" },
    }
    track.history.push(entry)
    return entry
  }

  const trackBody = (tracking: string) => {
    const track = state.tracks.get(tracking)
    if (!track) {
      return null
    }
    const tx = [...state.transactions.values()].find((t) => t.tracking_number === tracking)
    return {
      carrier: track.carrier,
      tracking_number: tracking,
      messages: [],
      metadata: tx?.metadata ?? "",
      eta: track.eta ?? undefined,
      servicelevel: { name: "Ground Advantage", token: "usps_ground_advantage" },
      tracking_status: track.history[track.history.length - 1],
      tracking_history: track.history,
      transaction: tx?.object_id,
    }
  }

  const route = (req: RecordedRequest, baseUrl: string): FakeResponse => {
    if (req.method === "GET" && req.path.startsWith("/labels/")) {
      const ext = req.path.split(".").pop()
      if (ext === "png") {
        return { status: 200, raw: TINY_PNG, content_type: "image/png" }
      }
      if (ext === "zpl") {
        return { status: 200, raw: Buffer.from("^XA^FDFAKE^FS^XZ\n"), content_type: "application/x-zpl" }
      }
      return { status: 200, raw: tinyPdf(`SHIPPO FAKE ${req.path}`), content_type: "application/pdf" }
    }
    if (req.headers.authorization !== `ShippoToken ${state.api_key}`) {
      return { status: 401, body: { detail: "Invalid token." } }
    }
    const parts = req.path.split("/").filter(Boolean)
    const b = req.body ?? {}

    if (req.method === "POST" && req.path === "/customs/declarations") {
      if (!Array.isArray(b.items) || !b.items.length || !b.certify_signer) {
        return { status: 400, body: { items: ["This field is required."] } }
      }
      const items = b.items.map(() => nextId("ci_"))
      const decl = {
        ...meta(),
        object_id: nextId("cd_"),
        object_state: "VALID",
        certify: b.certify,
        certify_signer: b.certify_signer,
        contents_type: b.contents_type,
        contents_explanation: b.contents_explanation,
        non_delivery_option: b.non_delivery_option,
        items,
        test: true,
      }
      state.customs.set(decl.object_id, { ...decl, item_bodies: b.items })
      return { status: 201, body: decl }
    }

    if (req.method === "POST" && req.path === "/shipments") {
      for (const side of ["address_from", "address_to"] as const) {
        if (!b[side]?.zip || !b[side]?.country) {
          return { status: 400, body: { [side]: ["zip and country are required"] } }
        }
      }
      if (b.address_from.country !== b.address_to.country && !b.customs_declaration) {
        return { status: 400, body: { customs_declaration: ["Customs declaration is required for international shipments."] } }
      }
      const shipmentId = nextId("shp_")
      const weight = (b.parcels ?? []).reduce((sum: number, p: any) => sum + Number(p.weight), 0)
      const services = state.no_rates
        ? []
        : [
            { provider: "UPS", name: "Ground", token: "ups_ground", base: 11.2, days: 4 },
            { provider: "USPS", name: "Ground Advantage", token: "usps_ground_advantage", base: 5.4, days: 5 },
            { provider: "USPS", name: "Priority Mail", token: "usps_priority", base: 8.7, days: 2 },
          ]
      const rates = services.map((s) => {
        const amount = (s.base + weight * 0.35).toFixed(2)
        const rate = {
          ...meta(),
          object_id: nextId("rate_"),
          amount,
          amount_local: amount,
          currency: "USD",
          currency_local: "USD",
          attributes: [],
          carrier_account: nextId("ca_"),
          estimated_days: s.days,
          duration_terms: `Delivery in ${s.days} days.`,
          provider: s.provider,
          servicelevel: { name: s.name, token: s.token },
          shipment: shipmentId,
          test: true,
        }
        state.rates.set(rate.object_id, rate)
        return rate
      })
      const shipment = {
        ...meta(),
        object_id: shipmentId,
        status: "SUCCESS",
        metadata: b.metadata ?? "",
        shipment_date: b.shipment_date,
        address_from: { ...b.address_from, object_id: nextId("adr_"), is_complete: true },
        address_to: { ...b.address_to, object_id: nextId("adr_"), is_complete: true },
        carrier_accounts: [],
        customs_declaration: b.customs_declaration ? state.customs.get(b.customs_declaration) : undefined,
        extra: b.extra ?? {},
        messages: state.no_rates ? [{ source: "USPS", code: "", text: "No service available for this route." }] : [],
        parcels: (b.parcels ?? []).map((p: any) => ({ ...p, object_id: nextId("prcl_"), object_state: "VALID" })),
        rates,
        test: true,
      }
      if (shipment.customs_declaration) {
        delete shipment.customs_declaration.item_bodies
      }
      state.shipments.set(shipmentId, shipment)
      return { status: 201, body: shipment }
    }

    if (req.method === "GET" && parts[0] === "rates" && parts.length === 2) {
      const rate = state.rates.get(parts[1])
      return rate ? { status: 200, body: rate } : { status: 404, body: { detail: "Not found." } }
    }

    if (req.method === "POST" && req.path === "/transactions") {
      const rate = state.rates.get(b.rate)
      if (!rate) {
        return { status: 400, body: { rate: [`Rate with object_id ${b.rate} does not exist.`] } }
      }
      const id = nextId("txn_")
      const base = {
        ...meta(),
        object_id: id,
        object_state: "VALID",
        rate: b.rate,
        metadata: b.metadata ?? "",
        label_file_type: b.label_file_type ?? "PDF",
        test: true,
      }
      const street = state.shipments.get(rate.shipment)?.address_to?.street1
      const error = state.rejected_streets.has(street)
        ? `The address as submitted could not be found. Please check for excess abbreviations or typos (${street}).`
        : state.transaction_error
      if (error) {
        const failed = { ...base, status: "ERROR", messages: [{ source: rate.provider, code: "", text: error }] }
        state.transactions.set(id, failed)
        return { status: 201, body: failed }
      }
      const tracking = `9400${String(state.label_purchases + 1).padStart(18, "0")}`
      const ext = String(b.label_file_type ?? "PDF").startsWith("PNG") ? "png" : b.label_file_type === "ZPLII" ? "zpl" : "pdf"
      const tx = {
        ...base,
        status: "SUCCESS",
        messages: [],
        tracking_number: tracking,
        tracking_status: "UNKNOWN",
        tracking_url_provider: `https://tools.usps.com/go/TrackConfirmAction?tLabels=${tracking}`,
        label_url: `${baseUrl}/labels/${id}.${ext}`,
      }
      state.transactions.set(id, tx)
      state.label_purchases += 1
      state.tracks.set(tracking, { carrier: String(rate.provider).toLowerCase(), history: [], eta: null })
      pushTrackingStatus(tracking, "PRE_TRANSIT", "Shipping label created")
      state.after_sale?.(tx)
      return { status: 201, body: tx }
    }

    if (req.method === "GET" && req.path === "/transactions") {
      // Newest first, like Shippo; `results` caps the page.
      const results = [...state.transactions.values()]
        .filter((t) => !req.query.rate || t.rate === req.query.rate)
        .reverse()
        .slice(0, Number(req.query.results ?? 25))
      return { status: 200, body: { results } }
    }

    if (req.method === "GET" && parts[0] === "transactions" && parts.length === 2) {
      const tx = state.transactions.get(parts[1])
      return tx ? { status: 200, body: tx } : { status: 404, body: { detail: "Not found." } }
    }

    if (req.method === "POST" && req.path === "/refunds") {
      const tx = state.transactions.get(b.transaction)
      if ([...state.refunds.values()].some((r) => r.transaction === b.transaction)) {
        return { status: 400, body: { transaction: ["A refund for this transaction already exists."] } }
      }
      if (!tx || tx.status !== "SUCCESS") {
        return { status: 400, body: { transaction: [`Transaction ${b.transaction} cannot be refunded.`] } }
      }
      // Like Shippo, the transaction itself shows the refund.
      tx.status = "REFUNDPENDING"
      const refund = { ...meta(), object_id: nextId("rfnd_"), status: "QUEUED", transaction: b.transaction, test: true }
      state.refunds.set(refund.object_id, refund)
      return { status: 201, body: refund }
    }

    if (req.method === "GET" && parts[0] === "refunds" && parts.length === 2) {
      const refund = state.refunds.get(parts[1])
      if (!refund) {
        return { status: 404, body: { detail: "Not found." } }
      }
      // Shippo settles refunds asynchronously; the fake settles on first look.
      refund.status = "SUCCESS"
      refund.object_updated = ISO()
      return { status: 200, body: refund }
    }

    if (req.method === "GET" && parts[0] === "tracks" && parts.length === 3) {
      const body = trackBody(decodeURIComponent(parts[2]))
      if (!body || body.carrier !== parts[1]) {
        return {
          status: 200,
          body: { carrier: parts[1], tracking_number: parts[2], messages: ["Tracking not found"], tracking_history: [], tracking_status: undefined },
        }
      }
      return { status: 200, body }
    }

    return { status: 404, body: { detail: `No route ${req.method} ${req.path}` } }
  }

  const handle = await startFake(state, route)
  return Object.assign(handle, { pushTrackingStatus, trackBody })
}

/**
 * The `Shippo-Auth-Signature` header value for a body: `t=<unix seconds>,v1=<hex>`,
 * the hex being HMAC-SHA256 (keyed with `secret`) of `"<t>.<body>"`.
 */
export function signShippoWebhook(body: string, secret: string, timestamp = Math.floor(Date.now() / 1000)): string {
  const digest = createHmac("sha256", secret).update(`${timestamp}.${body}`, "utf8").digest("hex")
  return `t=${timestamp},v1=${digest}`
}

/** A `track_updated` webhook body for a track (the shape Shippo POSTs). */
export function shippoTrackWebhookBody(track: unknown, test = true): string {
  return JSON.stringify({ event: "track_updated", test, data: track })
}

/** Alias of {@link startShippoFake}. */
export const start = startShippoFake
