import { MedusaError } from "@medusajs/framework/utils"
import { PDFDocument, StandardFonts, rgb } from "pdf-lib"
import type {
  BuyLabelRequest,
  CarrierAddress,
  CarrierClient,
  CarrierRate,
  CarrierTrackingEvent,
  CarrierTrackingUpdate,
  LabelRef,
  PurchasedLabel,
  RateRequest,
  RefundStatus,
  VoidLabelResult,
} from "../types"
import { addDays, convertDistance, convertMass, isInternational, requireCustomsIfInternational, round, sha256, stableStringify } from "../util"
import { mapSandboxStatus, type SandboxTrackingStatus } from "../status-map"

/** Options of the sandbox carrier (`carriers.sandbox` in the plugin options). */
export type SandboxCarrierOptions = {
  /** Minutes between simulated tracking steps. Default 2. */
  step_minutes?: number
}

/** Test seams. */
export type SandboxCarrierDeps = {
  /** The clock; `new Date()` by default. */
  now?: () => Date
}

type SandboxService = { code: string; name: string; days: number; base: number; per_kg: number }

/** The three sandbox services, cheapest first. */
export const SANDBOX_SERVICES: readonly SandboxService[] = [
  { code: "ground", name: "Sandbox Ground", days: 5, base: 4.5, per_kg: 1.2 },
  { code: "express", name: "Sandbox Express", days: 2, base: 9.9, per_kg: 2.4 },
  { code: "overnight", name: "Sandbox Overnight", days: 1, base: 19.5, per_kg: 4.1 },
]

export const SANDBOX_CARRIER_NAME = "Sandbox"

/** Simulated journey: step k happens k × step_minutes after purchase. */
const JOURNEY: readonly { carrier_status: SandboxTrackingStatus; message: string; at: "from" | "to" }[] = [
  { carrier_status: "accepted", message: "Parcel handed to the sandbox carrier", at: "from" },
  { carrier_status: "in_transit", message: "Departed sandbox sorting hub", at: "from" },
  { carrier_status: "out_for_delivery", message: "Out for delivery", at: "to" },
  { carrier_status: "delivered", message: "Delivered", at: "to" },
]

const RATE_ID = /^rate_sbx_([a-z]+)_([0-9a-f]{16})$/

/**
 * The offline sandbox carrier: deterministic quotes, labels and tracking, no
 * network, no state. Ids derive from hashes of the request and idempotency
 * key, so the same input always gives the same rates, tracking number and
 * label, and buying twice with one key is harmless.
 */
export class SandboxCarrierClient implements CarrierClient {
  readonly code = "sandbox" as const
  private readonly stepMinutes: number
  private readonly now: () => Date

  constructor(options: SandboxCarrierOptions = {}, deps: SandboxCarrierDeps = {}) {
    this.stepMinutes = options.step_minutes ?? 2
    this.now = deps.now ?? (() => new Date())
  }

  /**
   * Three quotes priced from the billable weight (actual or dimensional,
   * whichever is larger) and distance (domestic or international), in
   * `request.currency_code` (USD when omitted; the numbers do not change).
   *
   * @throws MedusaError INVALID_DATA when there are no parcels, a parcel has no
   *   weight, or an international shipment has no customs declaration.
   */
  async getRates(request: RateRequest): Promise<CarrierRate[]> {
    validateRequest(request)
    const shipmentHash = requestHash(request)
    const billableKg = request.parcels.reduce((sum, p) => {
      const actual = convertMass(p.weight, p.mass_unit, "kg")
      const cm = (v: number) => convertDistance(v, p.distance_unit, "cm")
      const dimensional = (cm(p.length) * cm(p.width) * cm(p.height)) / 5000
      return sum + Math.max(actual, dimensional)
    }, 0)
    const international = isInternational(request)
    const start = request.shipment_date ?? this.now().toISOString().slice(0, 10)
    return SANDBOX_SERVICES.map((service) => {
      let amount = service.base + service.per_kg * Math.max(billableKg, 0.1) + 0.5 * (request.parcels.length - 1)
      if (international) {
        amount = amount * 2.5 + 15
      }
      if (request.insurance) {
        amount += Math.max(1, request.insurance.amount * 0.01)
      }
      if (request.signature) {
        amount += request.signature === "adult" ? 7.5 : 3.25
      }
      const days = service.days + (international ? 3 : 0)
      return {
        rate_id: `rate_sbx_${service.code}_${sha256(`${shipmentHash}:${service.code}`).slice(0, 16)}`,
        provider_shipment_id: `shp_sbx_${shipmentHash.slice(0, 16)}`,
        carrier_name: SANDBOX_CARRIER_NAME,
        service: service.name,
        service_code: service.code,
        amount: round(amount),
        // The sandbox has no account currency: it quotes in the one asked for.
        currency_code: (request.currency_code ?? "USD").toUpperCase(),
        estimated_days: days,
        estimated_delivery_at: addDays(start, days),
      }
    }).sort((a, b) => a.amount - b.amount)
  }

  /**
   * Prints the label: a 4×6 in PDF (or a ZPL text label), tracking number
   * `SBX` + 12 digits derived from the idempotency key.
   *
   * @throws MedusaError INVALID_DATA when the rate was not quoted for this
   *   request, or for PNG (the sandbox prints PDF and ZPL only).
   */
  async buyLabel(input: BuyLabelRequest): Promise<PurchasedLabel> {
    if (input.label_format === "PNG") {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "label_format: the sandbox carrier prints PDF and ZPL labels")
    }
    const rates = await this.getRates(input.request)
    const rate = rates.find((r) => r.rate_id === input.rate.rate_id)
    if (!rate) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `rate_id: ${input.rate.rate_id} was not quoted by the sandbox carrier for this shipment`
      )
    }
    const keyHash = sha256(`sandbox-label:${input.idempotency_key}`)
    const tracking_number = trackingNumberFor(input.idempotency_key)
    const content =
      input.label_format === "ZPL"
        ? Buffer.from(renderZpl(input.request, rate, tracking_number), "utf8")
        : await renderPdf(input.request, rate, tracking_number)
    const pdf = input.label_format === "PDF"
    return {
      provider_label_id: `lbl_sbx_${keyHash.slice(0, 16)}`,
      provider_shipment_id: rate.provider_shipment_id,
      tracking_number,
      tracking_url: null,
      label_url: null,
      label_file: {
        content,
        mime_type: pdf ? "application/pdf" : "application/x-zpl",
        filename: `${tracking_number}.${pdf ? "pdf" : "zpl"}`,
      },
      label_format: input.label_format,
      carrier_name: SANDBOX_CARRIER_NAME,
      service: rate.service,
      amount: rate.amount,
      currency_code: rate.currency_code,
    }
  }

  /**
   * Always null: the sandbox keeps no record, and {@link buyLabel} is
   * idempotent by construction (same key, same label), so a retry just buys.
   */
  async findLabel(rate: Pick<CarrierRate, "rate_id" | "provider_shipment_id">): Promise<PurchasedLabel | null> {
    if (rate.rate_id && !RATE_ID.test(rate.rate_id)) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `rate_id: ${rate.rate_id} is not a sandbox rate`)
    }
    return null
  }

  /** @throws MedusaError NOT_ALLOWED: sandbox labels are handed over directly, never hosted. */
  async downloadLabel(label_url: string): Promise<{ content: Buffer; mime_type: string }> {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `the sandbox carrier hosts no label files (${label_url})`)
  }

  /** Voids at once; the refund id derives from the label id. */
  async voidLabel(label: LabelRef): Promise<VoidLabelResult> {
    return { refund_status: "submitted", provider_refund_id: `rfnd_sbx_${sha256(label.provider_label_id).slice(0, 16)}` }
  }

  /** `refunded` once voided (a refund id exists), `none` otherwise. */
  async getRefundStatus(label: LabelRef): Promise<RefundStatus> {
    return label.provider_refund_id ? "refunded" : "none"
  }

  /**
   * Simulated tracking: every `step_minutes` after `purchased_at` the parcel
   * moves one step, shipped → in transit → out for delivery → delivered.
   * Without `purchased_at` nothing has happened yet.
   */
  async track(label: LabelRef & { purchased_at?: string | null }): Promise<CarrierTrackingUpdate> {
    const purchased = label.purchased_at ? new Date(label.purchased_at) : null
    const stepMs = this.stepMinutes * 60 * 1000
    const events: CarrierTrackingEvent[] = []
    if (purchased && !Number.isNaN(purchased.getTime())) {
      const elapsed = this.now().getTime() - purchased.getTime()
      const steps = Math.min(JOURNEY.length, Math.max(0, Math.floor(elapsed / stepMs)))
      for (let k = 1; k <= steps; k++) {
        const step = JOURNEY[k - 1]
        events.push({
          provider_event_id: `${label.tracking_number}:${k}`,
          status: mapSandboxStatus(step.carrier_status),
          carrier_status: step.carrier_status,
          message: step.message,
          location: step.at === "from" ? "Sandbox Origin Hub" : "Sandbox Local Depot",
          occurred_at: new Date(purchased.getTime() + k * stepMs).toISOString(),
        })
      }
    }
    return {
      tracking_number: label.tracking_number,
      carrier: SANDBOX_CARRIER_NAME,
      events,
      estimated_delivery_at: purchased ? new Date(purchased.getTime() + JOURNEY.length * stepMs).toISOString() : null,
    }
  }

  /** The sandbox sends no webhooks: always false. */
  verifyWebhook(): boolean {
    return false
  }

  /** The sandbox sends no webhooks: always empty. */
  parseWebhook(): CarrierTrackingUpdate[] {
    return []
  }
}

/** `SBX` + 12 digits, deterministic from the idempotency key. */
export function trackingNumberFor(idempotency_key: string): string {
  const digits = BigInt(`0x${sha256(`sandbox-tracking:${idempotency_key}`).slice(0, 15)}`).toString().padStart(12, "0").slice(-12)
  return `SBX${digits}`
}

function requestHash(request: RateRequest): string {
  return sha256(stableStringify({ ...request, reference: undefined }))
}

function validateRequest(request: RateRequest): void {
  if (!request.parcels?.length) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "parcels: at least one parcel is required")
  }
  request.parcels.forEach((p, i) => {
    if (!(p.weight > 0)) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `parcels.${i}.weight: must be greater than 0`)
    }
  })
  requireCustomsIfInternational(request)
}

function addressLines(a: CarrierAddress): string[] {
  return [
    a.name,
    a.company ?? "",
    a.street1,
    a.street2 ?? "",
    `${a.city}${a.state ? `, ${a.state}` : ""} ${a.postal_code}`,
    a.country_code,
  ].filter((line) => line.trim() !== "")
}

/** Bars of a fake barcode, widths 1–3 from the tracking number's hash. */
function barWidths(tracking: string): number[] {
  const hash = sha256(tracking)
  return Array.from(hash.slice(0, 48), (c) => (parseInt(c, 16) % 3) + 1)
}

/** pdf-lib's standard fonts are WinAnsi: drop what they cannot draw. */
function printable(text: string): string {
  return text.normalize("NFKD").replace(/[^\x20-\x7e]/g, "")
}

async function renderPdf(request: RateRequest, rate: CarrierRate, tracking: string): Promise<Buffer> {
  const doc = await PDFDocument.create()
  doc.setTitle(`Sandbox label ${tracking}`)
  doc.setProducer("medusa-order-ops sandbox carrier")
  // Fixed dates keep the file byte-for-byte deterministic.
  doc.setCreationDate(new Date(0))
  doc.setModificationDate(new Date(0))
  const page = doc.addPage([288, 432])
  const font = await doc.embedFont(StandardFonts.Helvetica)
  const bold = await doc.embedFont(StandardFonts.HelveticaBold)
  const black = rgb(0, 0, 0)
  const text = (s: string, x: number, y: number, size: number, f = font) =>
    page.drawText(printable(s), { x, y, size, font: f, color: black })

  page.drawRectangle({ x: 6, y: 6, width: 276, height: 420, borderColor: black, borderWidth: 1.5 })
  text(`${SANDBOX_CARRIER_NAME.toUpperCase()} - ${rate.service.toUpperCase()}`, 14, 404, 12, bold)
  text("FROM:", 14, 386, 7, bold)
  addressLines(request.from).forEach((line, i) => text(line, 14, 377 - i * 9, 7))
  page.drawLine({ start: { x: 6, y: 318 }, end: { x: 282, y: 318 }, thickness: 1, color: black })
  text("SHIP TO:", 14, 302, 8, bold)
  addressLines(request.to).forEach((line, i) => text(line, 14, 288 - i * 13, 11, i === 0 ? bold : font))
  page.drawLine({ start: { x: 6, y: 200 }, end: { x: 282, y: 200 }, thickness: 1, color: black })

  let x = 20
  barWidths(tracking).forEach((w, i) => {
    if (i % 2 === 0) {
      page.drawRectangle({ x, y: 120, width: w * 1.6, height: 70, color: black })
    }
    x += w * 1.6 + 1
  })
  text(tracking, 20, 92, 22, bold)
  if (request.reference) {
    text(`Ref: ${request.reference}`, 14, 72, 8)
  }
  text(`${rate.amount.toFixed(2)} ${rate.currency_code}`, 200, 72, 8)
  text("SANDBOX - NOT A REAL LABEL", 30, 30, 14, bold)
  return Buffer.from(await doc.save())
}

function zplField(s: string): string {
  return printable(s).replace(/[\^~]/g, " ")
}

function renderZpl(request: RateRequest, rate: CarrierRate, tracking: string): string {
  const lines = [
    "^XA",
    "^CI28",
    `^FO30,30^A0N,40,40^FD${zplField(`${SANDBOX_CARRIER_NAME.toUpperCase()} - ${rate.service.toUpperCase()}`)}^FS`,
    ...addressLines(request.from).map((l, i) => `^FO30,${90 + i * 24}^A0N,22,22^FD${zplField(l)}^FS`),
    "^FO20,270^GB772,3,3^FS",
    "^FO30,290^A0N,26,26^FDSHIP TO:^FS",
    ...addressLines(request.to).map((l, i) => `^FO30,${330 + i * 40}^A0N,36,36^FD${zplField(l)}^FS`),
    "^FO20,620^GB772,3,3^FS",
    `^FO60,650^BY3^BCN,200,Y,N,N^FD${tracking}^FS`,
    request.reference ? `^FO30,940^A0N,26,26^FDRef: ${zplField(request.reference)}^FS` : "",
    "^FO30,1100^A0N,50,50^FDSANDBOX - NOT A REAL LABEL^FS",
    "^XZ",
  ]
  return lines.filter(Boolean).join("\n") + "\n"
}
