import { createHmac } from "node:crypto"
import { makeIdFactory, startFake, tinyPdf, TINY_PNG, type FakeResponse, type FakeServerHandle, type RecordedRequest } from "./http-fake"

export type { RecordedRequest } from "./http-fake"

/**
 * A fake EasyPost API (https://api.easypost.com/v2) speaking the real
 * protocol closely enough for `@easypost/api`: HTTP Basic auth with the key
 * as username, bodies wrapped as `{ shipment: … }` / `{ tracker: … }`,
 * `object: "Shipment"` objects with `rates`, `postage_label`, `tracker`,
 * `refund_status`, and `{ error: { code, message, errors } }` on failure.
 * Routes live under `/v2`; label files under `/labels/`.
 */

export const EASYPOST_FAKE_API_KEY = "EZTKfakekey000000000000"

export type EasyPostFakeState = {
  api_key: string
  shipments: Map<string, any>
  trackers: Map<string, any>
  /** Labels sold (successful buys). */
  label_purchases: number
  /** When true, shipments come back with no rates and a carrier message. */
  no_rates: boolean
}

export type EasyPostFakeHandle = FakeServerHandle<EasyPostFakeState> & {
  /** Appends a tracking detail (and sets the tracker's status) for a tracking code. */
  pushTrackerStatus(tracking_code: string, status: string, message?: string, datetime?: string): any
}

function apiError(status: number, code: string, message: string, errors: { field: string; message: string }[] = []): FakeResponse {
  return { status, body: { error: { code, message, errors } } }
}

/** Starts the fake on 127.0.0.1 with a random port. */
export async function startEasyPostFake(options: { api_key?: string; /** the fake's clock (default: the real one) */ now?: () => Date } = {}): Promise<EasyPostFakeHandle> {
  const ISO = (d = (options.now ?? (() => new Date()))()) => d.toISOString()
  const nextId = makeIdFactory()
  const state: EasyPostFakeState = {
    api_key: options.api_key ?? EASYPOST_FAKE_API_KEY,
    shipments: new Map(),
    trackers: new Map(),
    label_purchases: 0,
    no_rates: false,
  }

  const newTracker = (tracking_code: string, carrier: string, shipment_id: string | null) => {
    const tracker = {
      id: nextId("trk_"),
      object: "Tracker",
      mode: "test",
      tracking_code,
      status: "pre_transit",
      status_detail: "label_created",
      carrier,
      shipment_id,
      // Real EasyPost writes floats as "16.0"; keep weights out of the way.
      weight: null,
      est_delivery_date: null,
      public_url: `https://track.easypost.com/${Buffer.from(tracking_code).toString("base64url")}`,
      signed_by: null,
      tracking_details: [] as any[],
      created_at: ISO(),
      updated_at: ISO(),
    }
    state.trackers.set(tracking_code, tracker)
    return tracker
  }

  const pushTrackerStatus: EasyPostFakeHandle["pushTrackerStatus"] = (code, status, message, datetime) => {
    const tracker = state.trackers.get(code) ?? newTracker(code, "USPS", null)
    const detail = {
      object: "TrackingDetail",
      message: message ?? status,
      description: "",
      status,
      status_detail: "status_update",
      datetime: datetime ?? ISO(),
      source: "USPS",
      tracking_location: { object: "TrackingLocation", city: "Chicago", state: "IL", country: "US", zip: "60601" },
    }
    tracker.tracking_details.push(detail)
    tracker.status = status
    tracker.updated_at = ISO()
    const shipment = tracker.shipment_id ? state.shipments.get(tracker.shipment_id) : null
    if (shipment) {
      shipment.tracker = tracker
    }
    return tracker
  }

  const route = (req: RecordedRequest, baseUrl: string): FakeResponse => {
    if (req.method === "GET" && req.path.startsWith("/labels/")) {
      const ext = req.path.split(".").pop()
      if (ext === "pdf") {
        return { status: 200, raw: tinyPdf(`EASYPOST FAKE ${req.path}`), content_type: "application/pdf" }
      }
      if (ext === "zpl") {
        return { status: 200, raw: Buffer.from("^XA^FDFAKE^FS^XZ\n"), content_type: "application/zpl" }
      }
      return { status: 200, raw: TINY_PNG, content_type: "image/png" }
    }
    const expected = `Basic ${Buffer.from(`${state.api_key}:`).toString("base64")}`
    if (req.headers.authorization !== expected) {
      return apiError(401, "APIKEY.INACTIVE", "This api key is no longer active. Please use a different api key or reactivate this key.")
    }
    if (!req.path.startsWith("/v2/")) {
      return apiError(404, "NOT_FOUND", `No route ${req.path}`)
    }
    const parts = req.path.slice(4).split("/").filter(Boolean)
    const b = req.body ?? {}

    if (req.method === "POST" && parts.length === 1 && parts[0] === "shipments") {
      const s = b.shipment ?? {}
      const missing: { field: string; message: string }[] = []
      for (const side of ["from_address", "to_address"]) {
        if (!s[side]?.zip || !s[side]?.country) {
          missing.push({ field: `${side}.zip`, message: "cannot be blank" })
        }
      }
      if (!(Number(s.parcel?.weight) > 0)) {
        missing.push({ field: "parcel.weight", message: "must be greater than 0" })
      }
      if (missing.length) {
        return apiError(422, "SHIPMENT.INVALID_PARAMS", "Unable to create shipment, one or more parameters were invalid.", missing)
      }
      const id = nextId("shp_")
      const weightOz = Number(s.parcel.weight)
      const services = state.no_rates
        ? []
        : [
            { carrier: "FedEx", service: "FEDEX_GROUND", base: 10.15, days: 3 },
            { carrier: "USPS", service: "GroundAdvantage", base: 5.1, days: 4 },
            { carrier: "USPS", service: "Priority", base: 8.2, days: 2 },
          ]
      const rates = services.map((svc) => ({
        id: nextId("rate_"),
        object: "Rate",
        mode: "test",
        shipment_id: id,
        carrier: svc.carrier,
        carrier_account_id: nextId("ca_"),
        service: svc.service,
        rate: (svc.base + weightOz * 0.05).toFixed(2),
        currency: "USD",
        retail_rate: null,
        list_rate: null,
        delivery_days: svc.days,
        est_delivery_days: svc.days,
        delivery_date: null,
        delivery_date_guaranteed: false,
        billing_type: "easypost",
        created_at: ISO(),
        updated_at: ISO(),
      }))
      const shipment = {
        id,
        object: "Shipment",
        mode: "test",
        reference: s.reference ?? null,
        status: "unknown",
        from_address: { id: nextId("adr_"), object: "Address", ...s.from_address },
        to_address: { id: nextId("adr_"), object: "Address", ...s.to_address },
        parcel: { id: nextId("prcl_"), object: "Parcel", ...s.parcel },
        customs_info: s.customs_info ? { id: nextId("cstinfo_"), object: "CustomsInfo", ...s.customs_info } : null,
        options: s.options ?? {},
        rates,
        messages: state.no_rates ? [{ carrier: "USPS", type: "rate_error", message: "No rates for this route." }] : [],
        selected_rate: null,
        postage_label: null,
        tracking_code: null,
        tracker: null,
        refund_status: null,
        insurance: null,
        fees: [],
        created_at: ISO(),
        updated_at: ISO(),
      }
      state.shipments.set(id, shipment)
      return { status: 201, body: shipment }
    }

    // EasyPost takes an object's reference wherever it takes its id.
    const shipment =
      parts[0] === "shipments" && parts[1]
        ? state.shipments.get(parts[1]) ?? [...state.shipments.values()].find((s: any) => s.reference === parts[1])
        : undefined
    if (parts[0] === "shipments" && parts[1] && !shipment) {
      return apiError(404, "NOT_FOUND", "The requested resource could not be found.")
    }

    if (req.method === "POST" && shipment && parts[2] === "buy") {
      if (shipment.postage_label) {
        return apiError(422, "SHIPMENT.POSTAGE.EXISTS", "Postage already exists for this shipment.")
      }
      const rate = shipment.rates.find((r: any) => r.id === b.rate?.id)
      if (!rate) {
        return apiError(422, "SHIPMENT.RATE.INVALID", `Rate ${b.rate?.id} does not belong to shipment ${shipment.id}.`)
      }
      state.label_purchases += 1
      const tracking = `EZ${String(state.label_purchases).padStart(18, "0")}`
      shipment.selected_rate = rate
      shipment.tracking_code = tracking
      shipment.insurance = b.insurance ?? null
      shipment.postage_label = {
        id: nextId("pl_"),
        object: "PostageLabel",
        label_date: ISO(),
        label_file_type: "image/png",
        label_resolution: 300,
        label_size: "4x6",
        label_url: `${baseUrl}/labels/${shipment.id}.png`,
        label_pdf_url: null,
        label_zpl_url: null,
        label_epl2_url: null,
        created_at: ISO(),
        updated_at: ISO(),
      }
      shipment.tracker = newTracker(tracking, rate.carrier, shipment.id)
      shipment.updated_at = ISO()
      return { status: 200, body: shipment }
    }

    if (req.method === "GET" && shipment && parts[2] === "label") {
      if (!shipment.postage_label) {
        return apiError(422, "SHIPMENT.POSTAGE.MISSING", "This shipment has no postage label.")
      }
      const format = String(req.query.file_format ?? "").toUpperCase()
      if (format === "PDF") {
        shipment.postage_label.label_pdf_url = `${baseUrl}/labels/${shipment.id}.pdf`
      } else if (format === "ZPL") {
        shipment.postage_label.label_zpl_url = `${baseUrl}/labels/${shipment.id}.zpl`
      } else {
        return apiError(422, "SHIPMENT.POSTAGE.FORMAT", `Cannot convert the label to '${format}'.`)
      }
      return { status: 200, body: shipment }
    }

    if (req.method === "POST" && shipment && parts[2] === "refund") {
      if (!shipment.postage_label) {
        return apiError(422, "SHIPMENT.REFUND.UNAVAILABLE", "This shipment has no postage to refund.")
      }
      if (shipment.refund_status) {
        return apiError(422, "SHIPMENT.REFUND.UNAVAILABLE", "A refund has already been requested.")
      }
      shipment.refund_status = "submitted"
      return { status: 200, body: shipment }
    }

    if (req.method === "GET" && shipment && parts.length === 2) {
      const body = JSON.parse(JSON.stringify(shipment))
      // EasyPost settles refunds later; the fake settles after one look.
      if (shipment.refund_status === "submitted") {
        shipment.refund_status = "refunded"
      }
      return { status: 200, body }
    }

    if (req.method === "POST" && parts.length === 1 && parts[0] === "trackers") {
      const t = b.tracker ?? {}
      if (!t.tracking_code) {
        return apiError(422, "TRACKER.TRACKING_CODE.INVALID", "Invalid tracking code.", [{ field: "tracking_code", message: "cannot be blank" }])
      }
      const tracker = state.trackers.get(t.tracking_code) ?? newTracker(t.tracking_code, t.carrier ?? "USPS", null)
      return { status: 201, body: tracker }
    }

    return apiError(404, "NOT_FOUND", `No route ${req.method} ${req.path}`)
  }

  const handle = await startFake(state, route)
  return Object.assign(handle, { pushTrackerStatus })
}

/**
 * The `X-Hmac-Signature` header value EasyPost sends with a webhook:
 * `hmac-sha256-hex=<hex>`, HMAC-SHA256 of the body keyed with the
 * NFKD-normalised secret.
 */
export function signEasyPostWebhook(body: string, secret: string): string {
  const key = Buffer.from(secret.normalize("NFKD"), "utf8")
  return `hmac-sha256-hex=${createHmac("sha256", key).update(body, "utf8").digest("hex")}`
}

/** A webhook Event body (`tracker.updated` by default) carrying a tracker. */
export function easyPostTrackerEventBody(tracker: unknown, description = "tracker.updated"): string {
  return JSON.stringify({
    id: "evt_fake0000000000000000000001",
    object: "Event",
    mode: "test",
    description,
    previous_attributes: {},
    pending_urls: [],
    completed_urls: [],
    status: "pending",
    result: tracker,
    created_at: new Date().toISOString(),
    updated_at: new Date().toISOString(),
  })
}

/** Alias of {@link startEasyPostFake}. */
export const start = startEasyPostFake
