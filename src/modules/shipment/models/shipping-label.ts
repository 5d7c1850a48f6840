import { model } from "@medusajs/framework/utils"
import { LABEL_FORMATS, REFUND_STATUSES } from "../carriers/types"
import { LABEL_STATUSES } from "../../../types/label"

/**
 * The label ledger: one row per purchase attempt, written *before* the
 * carrier is asked. The unique idempotency key makes a second "buy" for the
 * same purchase find this row instead of buying again; `unknown` rows (the
 * carrier may have sold a label we could not record) are reconciled by a job
 * that looks at the carrier before acting, so money is never lost silently.
 */
export const ShippingLabel = model
  .define("shipping_label", {
    id: model.id({ prefix: "lbl" }).primaryKey(),
    order_id: model.text(),
    shipment_id: model.text().nullable(),
    fulfillment_id: model.text().nullable(),
    /** A registered carrier's code (`carriers/registry.ts`), checked where rows are written — not a database enum, so adding a carrier needs no migration. */
    carrier: model.text(),
    carrier_name: model.text().nullable(),
    service: model.text().nullable(),
    service_code: model.text().nullable(),
    rate_id: model.text(),
    provider_shipment_id: model.text().nullable(),
    provider_label_id: model.text().nullable(),
    provider_refund_id: model.text().nullable(),
    tracking_number: model.text().nullable(),
    tracking_url: model.text().nullable(),
    label_url: model.text().nullable(),
    file_id: model.text().nullable(),
    file_url: model.text().nullable(),
    label_format: model.enum([...LABEL_FORMATS]).default("PDF"),
    amount: model.bigNumber().nullable(),
    currency_code: model.text().nullable(),
    status: model.enum([...LABEL_STATUSES]).default("purchasing"),
    refund_status: model.enum([...REFUND_STATUSES]).default("none"),
    idempotency_key: model.text(),
    is_test: model.boolean().default(false),
    error: model.text().nullable(),
    request: model.json().nullable(),
    attempts: model.number().default(0),
    purchased_at: model.dateTime().nullable(),
    voided_at: model.dateTime().nullable(),
    refund_checked_at: model.dateTime().nullable(),
    /** When a job should next look at this label (refund follow-up, reconcile, tracking poll). */
    next_check_at: model.dateTime().nullable(),
    last_polled_at: model.dateTime().nullable(),
    actor_id: model.text().nullable(),
  })
  .indexes([
    {
      name: "IDX_shipping_label_idempotency_key_unique",
      on: ["idempotency_key"],
      unique: true,
      where: "deleted_at IS NULL",
    },
    { name: "IDX_shipping_label_order_id", on: ["order_id"], where: "deleted_at IS NULL" },
    { name: "IDX_shipping_label_shipment_id", on: ["shipment_id"], where: "deleted_at IS NULL" },
    { name: "IDX_shipping_label_tracking_number", on: ["tracking_number"], where: "deleted_at IS NULL" },
    { name: "IDX_shipping_label_next_check_at", on: ["next_check_at"], where: "deleted_at IS NULL AND next_check_at IS NOT NULL" },
    /** The exceptions inbox's labels: refund open or rejected. */
    {
      name: "IDX_shipping_label_refund_open",
      on: ["refund_status"],
      where: "deleted_at IS NULL AND refund_status IN ('submitted', 'pending', 'rejected')",
    },
  ])
