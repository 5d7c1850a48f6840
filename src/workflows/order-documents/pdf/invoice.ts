import type { Content } from "pdfmake/interfaces"
import { renderPdf } from "./render"

/** Everything an invoice shows, frozen when it is issued (stored as the invoice's snapshot). */
export type InvoiceSnapshot = {
  /** The printed number, e.g. INV-000042 (set when the number is taken). */
  number?: string
  title: "Invoice" | "Credit note"
  /** Test orders' documents say so, and come from their own series. */
  test: boolean
  issued_at: string
  /** From Settings → Documents when issued; `logo` is a data URL (frozen with the document). */
  seller: { name: string; address?: string[]; tax_ids?: string[]; logo?: string | null }
  order: { id: string; display_id: number; created_at: string; email: string | null }
  bill_to: string[]
  currency_code: string
  items: { title: string; sku: string | null; quantity: number; unit_price: number; tax: string; total: number }[]
  totals: { subtotal: number; shipping_total: number; discount_total: number; tax_total: number; total: number }
  payment_status: string
  /** A credit note's invoice. */
  credits?: string | null
  /** A credit note's refund: what was given back, and why. */
  credit?: { refund_id: string; amount: number; reason: string | null } | null
}

const money = (amount: number, currency: string) => `${amount.toFixed(2)} ${currency.toUpperCase()}`

/** Renders an invoice or credit note from its snapshot: same snapshot, same bytes. */
export async function renderInvoice(s: InvoiceSnapshot): Promise<Buffer> {
  const c = s.currency_code
  const content: Content[] = [
    {
      columns: [
        {
          stack: [
            ...(s.seller.logo ? [{ image: s.seller.logo, fit: [120, 50] as [number, number], margin: [0, 0, 0, 4] as [number, number, number, number] }] : []),
            { text: s.seller.name, style: "store" },
            ...(s.seller.address?.length ? [{ text: s.seller.address.join("\n"), style: "muted" }] : []),
            ...(s.seller.tax_ids?.length ? [{ text: s.seller.tax_ids.join("\n"), style: "muted", margin: [0, 2, 0, 0] as [number, number, number, number] }] : []),
          ],
        },
        {
          stack: [
            { text: `${s.test ? "TEST " : ""}${s.title}`, style: "title", alignment: "right" },
            { text: s.number ?? "", bold: true, alignment: "right" },
            { text: `Issued ${s.issued_at.slice(0, 10)}`, alignment: "right", style: "muted" },
            { text: `Order #${s.order.display_id} of ${s.order.created_at.slice(0, 10)}`, alignment: "right", style: "muted" },
            ...(s.credits ? [{ text: `Credits invoice ${s.credits}`, alignment: "right" as const }] : []),
          ],
        },
      ],
    },
    ...(s.test ? [{ text: `TEST ORDER — NOT A VALID ${s.credit ? "CREDIT NOTE" : "INVOICE"}`, bold: true, color: "#b42318", margin: [0, 8, 0, 0] } as Content] : []),
    { text: "Bill to", style: "label", margin: [0, 16, 0, 2] },
    { text: [...s.bill_to, s.order.email ?? ""].filter(Boolean).join("\n") || "—" },
    {
      margin: [0, 16, 0, 0],
      table: {
        headerRows: 1,
        widths: ["*", 70, 30, 70, 60, 70],
        body: [
          ["Item", "SKU", "Qty", "Unit price", "Tax", "Total"].map((h) => ({ text: h, style: "th" })),
          ...s.items.map((i) => [i.title, i.sku ?? "—", String(i.quantity), money(i.unit_price, c), i.tax || "—", money(i.total, c)]),
        ],
      },
      layout: "lightHorizontalLines",
    },
    {
      margin: [0, 12, 0, 0],
      columns: [
        { text: `Payment: ${s.payment_status.replace(/_/g, " ")}`, style: "muted" },
        {
          table: {
            widths: [90, 80],
            body: s.credit
              ? [[{ text: "Total credited", bold: true }, { text: money(s.credit.amount, c), bold: true }]]
              : [
                  ["Subtotal", money(s.totals.subtotal, c)],
                  ["Shipping", money(s.totals.shipping_total, c)],
                  ["Discounts", money(s.totals.discount_total, c)],
                  ["Tax", money(s.totals.tax_total, c)],
                  [{ text: "Total", bold: true }, { text: money(s.totals.total, c), bold: true }],
                ],
          },
          layout: "noBorders",
        },
      ],
    },
  ]
  return await renderPdf(
    {
      pageSize: "A4",
      pageMargins: [40, 40, 40, 40],
      content,
      styles: {
        title: { fontSize: 18, bold: true },
        store: { fontSize: 13, bold: true },
        muted: { color: "#555555", fontSize: 9 },
        label: { fontSize: 9, bold: true, color: "#555555" },
        th: { bold: true, fontSize: 9 },
      },
      info: { title: `${s.title} ${s.number ?? ""}` },
    },
    new Date(s.issued_at)
  )
}
