/**
 * What a dispute's evidence pack holds, as plain JSON: every fact the plugin
 * recorded about the order that a card network asks for. The PDF and the
 * zip's JSON files are both made from this one value.
 */
export type DisputeEvidence = {
  generated_at: string
  dispute: {
    id: string
    status: string
    reason: string
    amount: number
    currency_code: string
    opened_at: string
    evidence_due_by: string | null
    gateway: string | null
    gateway_dispute_id: string | null
    payment_id: string | null
    notes: string | null
  }
  order: {
    id: string
    display_id: number
    created_at: string
    email: string | null
    currency_code: string
    total: number | null
    items: { title: string; variant: string | null; sku: string | null; quantity: number; unit_price: number | null }[]
    shipping_address: Record<string, unknown> | null
    billing_address: Record<string, unknown> | null
    shipping_methods: string[]
    payments: { id: string; provider_id: string; amount: number | null; created_at: string | null; captured_at: string | null }[]
  }
  customer: { id: string; name: string | null; email: string | null; phone: string | null; created_at: string | null; has_account: boolean } | null
  /** The client that completed the checkout. */
  checkout: { ip: string | null; user_agent: string | null; recorded_at: string } | null
  /** Notifications sent to the customer about this order, oldest first. */
  notifications: { id: string; created_at: string; channel: string; template: string | null; to: string; status: string | null; about: string | null }[]
  shipments: {
    id: string
    carrier: string | null
    tracking_number: string | null
    tracking_url: string | null
    status: string
    shipped_at: string | null
    delivered_at: string | null
    events: { occurred_at: string; status: string; message: string | null; location: string | null; source: string }[]
    labels: { carrier: string; service: string | null; tracking_number: string | null; status: string; purchased_at: string | null }[]
  }[]
  deliveries: {
    id: string
    title: string
    method: string
    status: string
    delivered_at: string | null
    attempts: { at: string; kind: string; outcome: string; message: string; request: unknown; response: unknown }[]
    downloads: { at: string; ip: string | null; user_agent: string | null; filename: string | null }[]
  }[]
  /** Notes the merchant shared with the customer. */
  notes: { created_at: string; body: string }[]
  /** The order's timeline, oldest first. */
  timeline: { occurred_at: string; kind: string; actor: string; details: string }[]
}

const iso = (v: unknown): string | null => (v ? new Date(v as string).toISOString() : null)

/** An ISO date, as the PDF prints it: `2041-03-01 12:00:00 UTC`. */
export const printedTime = (v: string | null | undefined): string =>
  v ? `${new Date(v).toISOString().replace("T", " ").slice(0, 19)} UTC` : "—"

/** An exchange (an attempt's request or answer) as `key: value` lines, nested objects flattened with dots. */
export function exchangeLines(value: unknown, prefix = ""): string[] {
  if (value === null || value === undefined) {
    return []
  }
  if (typeof value !== "object") {
    return [`${prefix || "value"}: ${String(value)}`]
  }
  if (Array.isArray(value)) {
    return value.length ? [`${prefix || "values"}: ${value.map((v) => (typeof v === "object" ? JSON.stringify(v) : String(v))).join(", ")}`] : []
  }
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) =>
    v !== null && typeof v === "object" && !Array.isArray(v) ? exchangeLines(v, `${prefix}${k}.`) : v === null || v === undefined ? [] : exchangeLines(v, `${prefix}${k}`)
  )
}

/** A timeline entry's data as one short line. */
export function timelineDetails(data: Record<string, unknown> | null | undefined): string {
  if (!data) {
    return ""
  }
  return Object.entries(data)
    .filter(([, v]) => v !== null && v !== undefined && v !== "" && typeof v !== "object")
    .map(([k, v]) => `${k}: ${String(v)}`)
    .join(", ")
    .slice(0, 500)
}

export { iso as evidenceIso }
