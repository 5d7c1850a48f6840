import type { Content, TDocumentDefinitions } from "pdfmake/interfaces"
import { renderPdf } from "../../order-documents/pdf/render"
import { type DisputeEvidence, exchangeLines, printedTime } from "./dispute-evidence"

const REASONS: Record<string, string> = {
  fraudulent: "Fraudulent",
  product_not_received: "Product not received",
  product_unacceptable: "Product unacceptable",
  duplicate: "Duplicate",
  subscription_canceled: "Subscription canceled",
  credit_not_processed: "Credit not processed",
  unrecognized: "Unrecognized",
  other: "Other",
}

const money = (amount: number | null, currency: string) =>
  amount === null ? "—" : `${amount.toFixed(2)} ${currency.toUpperCase()}`

const addressText = (a: Record<string, unknown> | null) =>
  a
    ? [
        [a.first_name, a.last_name].filter(Boolean).join(" "),
        a.company,
        a.address_1,
        a.address_2,
        [a.postal_code, a.city].filter(Boolean).join(" "),
        [a.province, typeof a.country_code === "string" ? a.country_code.toUpperCase() : null].filter(Boolean).join(", "),
        a.phone,
      ]
        .filter((l) => typeof l === "string" && l)
        .join("\n")
    : "—"

const heading = (text: string): Content => ({ text, style: "h2", margin: [0, 14, 0, 4] })
const field = (label: string, value: string | number | null | undefined): Content => ({
  text: [{ text: `${label}: `, bold: true }, { text: value === null || value === undefined || value === "" ? "—" : String(value) }],
})
const line = (text: string, style?: string): Content => ({ text, ...(style ? { style } : {}) })
const none = (what: string): Content => line(`No ${what} recorded.`, "muted")

/** The pdfmake document of an evidence pack: one section per kind of fact, each line dated. */
export function evidencePackDefinition(e: DisputeEvidence): TDocumentDefinitions {
  const d = e.dispute
  const o = e.order
  const content: Content[] = [
    { text: `Dispute evidence — order #${o.display_id}`, style: "title" },
    line(`Generated ${printedTime(e.generated_at)} from the records of the store's order system.`, "muted"),

    heading("Dispute"),
    field("Reason", REASONS[d.reason] ?? d.reason),
    field("Amount", money(d.amount, d.currency_code)),
    field("Status", d.status),
    field("Opened", printedTime(d.opened_at)),
    field("Evidence due by", d.evidence_due_by ? printedTime(d.evidence_due_by) : null),
    field("Gateway dispute", d.gateway ? `${d.gateway} ${d.gateway_dispute_id ?? ""}` : null),
    ...(d.notes ? [field("Notes", d.notes)] : []),

    heading("Order"),
    field("Order", `#${o.display_id} (${o.id})`),
    field("Placed", printedTime(o.created_at)),
    field("Total", money(o.total, o.currency_code)),
    field("Shipping", o.shipping_methods.join(", ")),
    ...o.payments.map((p) =>
      field("Payment", `${p.id} via ${p.provider_id}, ${money(p.amount, o.currency_code)}, authorized ${printedTime(p.created_at)}, captured ${printedTime(p.captured_at)}`)
    ),
    {
      margin: [0, 6, 0, 0],
      table: {
        headerRows: 1,
        widths: [30, 80, "*", 70],
        body: [
          [{ text: "Qty", style: "th" }, { text: "SKU", style: "th" }, { text: "Item", style: "th" }, { text: "Unit price", style: "th" }],
          ...o.items.map((i) => [
            String(i.quantity),
            i.sku ?? "—",
            i.variant ? `${i.title} — ${i.variant}` : i.title,
            money(i.unit_price, o.currency_code),
          ]),
        ],
      },
      layout: "lightHorizontalLines",
    },

    heading("Customer"),
    field("Name", e.customer?.name),
    field("Email", e.customer?.email ?? o.email),
    field("Phone", e.customer?.phone),
    field("Customer since", e.customer?.created_at ? printedTime(e.customer.created_at) : null),
    field("Account", e.customer ? (e.customer.has_account ? "registered" : "guest") : null),
    {
      columns: [
        { stack: [{ text: "Shipping address", style: "label" }, { text: addressText(o.shipping_address) }] },
        { stack: [{ text: "Billing address", style: "label" }, { text: addressText(o.billing_address) }] },
      ],
      margin: [0, 6, 0, 0],
    },

    heading("Checkout"),
    ...(e.checkout
      ? [
          field("Completed", printedTime(e.checkout.recorded_at)),
          field("IP address", e.checkout.ip),
          field("User agent", e.checkout.user_agent),
        ]
      : [none("checkout client")]),

    heading("Notifications sent to the customer"),
    ...(e.notifications.length
      ? e.notifications.map((n) => line(`${printedTime(n.created_at)} · ${n.channel} · ${n.template ?? "—"} · to ${n.to}${n.status ? ` · ${n.status}` : ""}`))
      : [none("notifications")]),

    heading("Shipments"),
    ...(e.shipments.length
      ? e.shipments.flatMap((s): Content[] => [
          { text: `${s.carrier ?? "Carrier not set"} ${s.tracking_number ?? ""} — ${s.status}`, bold: true, margin: [0, 4, 0, 0] },
          ...(s.tracking_url ? [line(`Tracking: ${s.tracking_url}`, "muted")] : []),
          ...s.labels.map((l) => line(`Label: ${l.carrier}${l.service ? ` ${l.service}` : ""} ${l.tracking_number ?? ""}, ${l.status}, bought ${printedTime(l.purchased_at)}`)),
          ...(s.events.length
            ? s.events.map((ev) => line(`${printedTime(ev.occurred_at)} · ${ev.status}${ev.location ? ` · ${ev.location}` : ""}${ev.message ? ` · ${ev.message}` : ""} (${ev.source})`))
            : [none("scans")]),
        ])
      : [none("shipments")]),

    heading("Digital deliveries"),
    ...(e.deliveries.length
      ? e.deliveries.flatMap((dl): Content[] => [
          { text: `${dl.title} — ${dl.method}, ${dl.status}${dl.delivered_at ? `, delivered ${printedTime(dl.delivered_at)}` : ""}`, bold: true, margin: [0, 4, 0, 0] },
          ...dl.attempts.flatMap((a): Content[] => [
            line(`${printedTime(a.at)} · ${a.kind} attempt · ${a.outcome} · ${a.message}`),
            ...exchangeLines(a.request).map((l) => ({ text: `sent ${l}`, style: "exchange" })),
            ...exchangeLines(a.response).map((l) => ({ text: `answered ${l}`, style: "exchange" })),
          ]),
          ...(dl.method === "download"
            ? dl.downloads.length
              ? [
                  { text: "Downloads", style: "label", margin: [0, 4, 0, 0] } as Content,
                  ...dl.downloads.map((x) => line(`${printedTime(x.at)} · IP ${x.ip ?? "unknown"} · ${x.filename ?? "file"} · ${x.user_agent ?? "no user agent"}`)),
                ]
              : [none("downloads")]
            : []),
        ])
      : [none("digital deliveries")]),

    heading("Notes shared with the customer"),
    ...(e.notes.length ? e.notes.map((n) => line(`${printedTime(n.created_at)} · ${n.body}`)) : [none("shared notes")]),

    heading("Timeline"),
    ...(e.timeline.length
      ? e.timeline.map((t) => line(`${printedTime(t.occurred_at)} · ${t.kind} · ${t.actor}${t.details ? ` · ${t.details}` : ""}`))
      : [none("timeline entries")]),
  ]
  return {
    pageSize: "A4",
    pageMargins: [40, 40, 40, 40],
    content,
    styles: {
      title: { fontSize: 16, bold: true },
      h2: { fontSize: 12, bold: true },
      muted: { color: "#555555", fontSize: 9 },
      label: { fontSize: 9, bold: true, color: "#555555" },
      th: { bold: true, fontSize: 9 },
      exchange: { fontSize: 8, color: "#333333", margin: [12, 0, 0, 0] },
    },
    info: { title: `Dispute evidence — order #${o.display_id}` },
  }
}

/** The evidence pack as one PDF (DejaVu Sans, pinned creation date: same evidence, same bytes). */
export async function renderEvidencePdf(e: DisputeEvidence): Promise<Buffer> {
  return await renderPdf(evidencePackDefinition(e), new Date(e.generated_at))
}
