import bwipjs from "bwip-js"
import type { Content, TDocumentDefinitions } from "pdfmake/interfaces"
import { renderPdf } from "./render"

/** An address as a packing slip prints it. */
export type SlipAddress = {
  first_name?: string | null
  last_name?: string | null
  company?: string | null
  address_1?: string | null
  address_2?: string | null
  postal_code?: string | null
  city?: string | null
  province?: string | null
  country_code?: string | null
  phone?: string | null
} | null

/** What one packing slip shows. */
export type PackingSlipData = {
  /** `logo` is a data URL (step outputs are JSON: no Buffers). */
  store: { name: string; address?: string | null; logo?: string | null }
  order: { display_id: number; created_at: Date | string; email: string | null; note?: string | null }
  ship_to: SlipAddress
  /** The items to pack: the whole order, or one shipment's items. */
  items: { title: string; variant: string | null; sku: string | null; quantity: number }[]
  /** Set for a shipment's slip: which parcel of the order this is. */
  shipment?: { id: string; carrier: string | null; tracking_number: string | null } | null
}

const addressLines = (a: SlipAddress): string[] =>
  a
    ? [
        [a.first_name, a.last_name].filter(Boolean).join(" "),
        a.company,
        a.address_1,
        a.address_2,
        [a.postal_code, a.city].filter(Boolean).join(" "),
        [a.province, a.country_code?.toUpperCase()].filter(Boolean).join(", "),
        a.phone,
      ].filter((l): l is string => !!l)
    : []

/** A Code 128 barcode of the order number, as PNG (bwip-js). */
export async function orderBarcode(displayId: number): Promise<Buffer> {
  return await bwipjs.toBuffer({ bcid: "code128", text: String(displayId), scale: 2, height: 10, includetext: true, textxalign: "center" })
}

/** The pdfmake content of one packing slip (several slips merge into one PDF with page breaks). */
export async function packingSlipContent(data: PackingSlipData): Promise<Content[]> {
  const barcode = await orderBarcode(data.order.display_id)
  const placed = new Date(data.order.created_at).toISOString().slice(0, 10)
  return [
    {
      columns: [
        {
          stack: [
            ...(data.store.logo ? [{ image: data.store.logo, fit: [120, 50] as [number, number] }] : []),
            { text: data.store.name, style: "store" },
            ...(data.store.address ? [{ text: data.store.address, style: "muted" }] : []),
          ],
        },
        {
          stack: [
            { text: "Packing slip", style: "title", alignment: "right" },
            { text: `Order #${data.order.display_id}`, bold: true, alignment: "right" },
            { text: `Placed ${placed}`, alignment: "right", style: "muted" },
            ...(data.shipment
              ? [{ text: `Shipment ${data.shipment.id}${data.shipment.tracking_number ? ` · ${data.shipment.carrier ?? ""} ${data.shipment.tracking_number}` : ""}`, alignment: "right" as const, style: "muted" }]
              : []),
            { image: `data:image/png;base64,${barcode.toString("base64")}`, width: 140, alignment: "right", margin: [0, 6, 0, 0] },
          ],
        },
      ],
    },
    { text: "Ship to", style: "label", margin: [0, 18, 0, 2] },
    { text: addressLines(data.ship_to).join("\n") || "—" },
    ...(data.order.email ? [{ text: data.order.email, style: "muted" }] : []),
    {
      margin: [0, 16, 0, 0],
      table: {
        headerRows: 1,
        widths: [16, 40, 90, "*"],
        body: [
          [
            { text: "", style: "th" },
            { text: "Qty", style: "th" },
            { text: "SKU", style: "th" },
            { text: "Item", style: "th" },
          ],
          ...data.items.map((item) => [
            { text: "☐", fontSize: 12 },
            { text: String(item.quantity), bold: true },
            { text: item.sku ?? "—" },
            { text: item.variant ? `${item.title} — ${item.variant}` : item.title },
          ]),
        ],
      },
      layout: "lightHorizontalLines",
    },
    ...(data.order.note ? [{ text: "Customer note", style: "label", margin: [0, 16, 0, 2] } as Content, { text: data.order.note }] : []),
  ]
}

const STYLES: TDocumentDefinitions["styles"] = {
  title: { fontSize: 18, bold: true },
  store: { fontSize: 13, bold: true },
  muted: { color: "#555555", fontSize: 9 },
  label: { fontSize: 9, bold: true, color: "#555555" },
  th: { bold: true, fontSize: 9 },
}

/** One PDF of packing slips, a page (or more) per slip. */
export async function renderPackingSlips(slips: PackingSlipData[], createdAt: Date): Promise<Buffer> {
  const content: Content[] = []
  for (const [i, slip] of slips.entries()) {
    const body = await packingSlipContent(slip)
    content.push(i === 0 ? body : [{ text: "", pageBreak: "before" }, ...body])
  }
  return await renderPdf(
    { pageSize: "A4", pageMargins: [40, 40, 40, 40], content, styles: STYLES, info: { title: "Packing slips" } },
    createdAt
  )
}
