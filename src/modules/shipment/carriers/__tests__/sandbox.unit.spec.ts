import { MedusaError } from "@medusajs/framework/utils"
import { PDFDocument } from "pdf-lib"
import { SandboxCarrierClient, trackingNumberFor } from "../sandbox"
import type { BuyLabelRequest, CarrierRate } from "../types"
import { domesticRequest, internationalRequest } from "./fixtures"

const NOW = new Date("2041-03-01T09:00:00Z")

describe("SandboxCarrierClient", () => {
  let now = NOW
  const client = new SandboxCarrierClient({ step_minutes: 2 }, { now: () => now })
  beforeEach(() => {
    now = NOW
  })

  const buy = (rate: CarrierRate, key = "idem-1", format: BuyLabelRequest["label_format"] = "PDF"): BuyLabelRequest => ({
    rate,
    label_format: format,
    idempotency_key: key,
    request: domesticRequest(),
  })

  it("quotes three services, cheapest first, deterministically", async () => {
    const rates = await client.getRates(domesticRequest())
    expect(rates.map((r) => r.service)).toEqual(["Sandbox Ground", "Sandbox Express", "Sandbox Overnight"])
    expect(rates.map((r) => r.estimated_days)).toEqual([5, 2, 1])
    expect(rates.every((r) => r.currency_code === "USD" && r.carrier_name === "Sandbox")).toBe(true)
    expect(rates[0].rate_id).toMatch(/^rate_sbx_ground_[0-9a-f]{16}$/)
    expect(rates[0].estimated_delivery_at).toBe("2041-03-06T12:00:00.000Z")
    for (let i = 1; i < rates.length; i++) {
      expect(rates[i].amount).toBeGreaterThan(rates[i - 1].amount)
    }
    expect(await client.getRates(domesticRequest())).toEqual(rates)
  })

  it("prices weight, size and distance", async () => {
    const base = (await client.getRates(domesticRequest()))[0].amount
    const heavier = domesticRequest()
    heavier.parcels[0].weight = 10
    expect((await client.getRates(heavier))[0].amount).toBeGreaterThan(base)
    const bulky = domesticRequest()
    bulky.parcels[0] = { ...bulky.parcels[0], length: 100, width: 80, height: 60 }
    expect((await client.getRates(bulky))[0].amount).toBeGreaterThan((await client.getRates(heavier))[0].amount)
    const abroad = { ...internationalRequest(), insurance: domesticRequest().insurance, signature: domesticRequest().signature }
    const intl = await client.getRates(abroad)
    expect(intl[0].amount).toBeGreaterThan(base * 2)
    expect(intl[0].estimated_days).toBe(8)
    expect(intl[0].rate_id).not.toBe((await client.getRates(domesticRequest()))[0].rate_id)
  })

  it("refuses bad requests with INVALID_DATA", async () => {
    await expect(client.getRates({ ...domesticRequest(), parcels: [] })).rejects.toMatchObject({ type: MedusaError.Types.INVALID_DATA })
    await expect(client.getRates({ ...internationalRequest(), customs: null })).rejects.toMatchObject({
      type: MedusaError.Types.INVALID_DATA,
      message: expect.stringContaining("customs"),
    })
  })

  it("prints a 4×6 PDF label with a deterministic tracking number", async () => {
    const [rate] = await client.getRates(domesticRequest())
    const label = await client.buyLabel(buy(rate))
    expect(label.tracking_number).toMatch(/^SBX\d{12}$/)
    expect(label.tracking_number).toBe(trackingNumberFor("idem-1"))
    expect(label).toMatchObject({
      provider_label_id: expect.stringMatching(/^lbl_sbx_[0-9a-f]{16}$/),
      provider_shipment_id: rate.provider_shipment_id,
      label_format: "PDF",
      label_url: null,
      amount: rate.amount,
      service: "Sandbox Ground",
    })
    const file = label.label_file!
    expect(file.mime_type).toBe("application/pdf")
    expect(file.filename).toBe(`${label.tracking_number}.pdf`)
    expect(file.content.subarray(0, 5).toString()).toBe("%PDF-")
    const pdf = await PDFDocument.load(file.content)
    expect(pdf.getPageCount()).toBe(1)
    expect(pdf.getPage(0).getSize()).toEqual({ width: 288, height: 432 })

    const again = await client.buyLabel(buy(rate))
    expect(again.tracking_number).toBe(label.tracking_number)
    expect(again.label_file!.content.equals(file.content)).toBe(true)
    expect((await client.buyLabel(buy(rate, "idem-2"))).tracking_number).not.toBe(label.tracking_number)
  })

  it("prints ZPL, refuses PNG and rates from another request", async () => {
    const [rate] = await client.getRates(domesticRequest())
    const zpl = await client.buyLabel(buy(rate, "idem-1", "ZPL"))
    const text = zpl.label_file!.content.toString()
    expect(text.startsWith("^XA")).toBe(true)
    expect(text.trim().endsWith("^XZ")).toBe(true)
    expect(text).toContain(zpl.tracking_number)
    expect(text).toContain("SANDBOX - NOT A REAL LABEL")

    await expect(client.buyLabel(buy(rate, "idem-1", "PNG"))).rejects.toMatchObject({
      type: MedusaError.Types.INVALID_DATA,
      message: expect.stringContaining("PDF and ZPL"),
    })
    const [foreign] = await client.getRates(internationalRequest())
    await expect(client.buyLabel(buy(foreign))).rejects.toMatchObject({ type: MedusaError.Types.INVALID_DATA })
  })

  it("has nothing to find, voids and refunds", async () => {
    const [rate] = await client.getRates(domesticRequest())
    expect(await client.findLabel(rate)).toBeNull()
    const label = await client.buyLabel(buy(rate))
    expect(await client.getRefundStatus(label)).toBe("none")
    const voided = await client.voidLabel(label)
    expect(voided).toEqual({ refund_status: "submitted", provider_refund_id: expect.stringMatching(/^rfnd_sbx_/) })
    expect(await client.getRefundStatus({ ...label, provider_refund_id: voided.provider_refund_id })).toBe("refunded")
  })

  it("simulates tracking progress every step_minutes", async () => {
    const [rate] = await client.getRates(domesticRequest())
    const label = await client.buyLabel(buy(rate))
    const purchased_at = "2041-03-01T09:00:00.000Z"
    const at = async (minutes: number) => {
      now = new Date(Date.parse(purchased_at) + minutes * 60_000)
      return client.track({ ...label, purchased_at })
    }
    expect((await at(1)).events).toEqual([])
    expect((await at(2)).events.map((e) => e.status)).toEqual(["shipped"])
    expect((await at(5)).events.map((e) => e.status)).toEqual(["shipped", "in_transit"])
    const done = await at(60)
    expect(done.events.map((e) => e.status)).toEqual(["shipped", "in_transit", "out_for_delivery", "delivered"])
    expect(done.events.map((e) => e.provider_event_id)).toEqual([1, 2, 3, 4].map((k) => `${label.tracking_number}:${k}`))
    expect(done.events[3].occurred_at).toBe("2041-03-01T09:08:00.000Z")
    expect(done.estimated_delivery_at).toBe("2041-03-01T09:08:00.000Z")
    expect((await client.track({ ...label, purchased_at: null })).events).toEqual([])
  })

  it("has no webhooks", () => {
    expect(client.verifyWebhook()).toBe(false)
    expect(client.parseWebhook()).toEqual([])
  })
})
