import { model } from "@medusajs/framework/utils"
import { DISPUTE_REASONS, DISPUTE_STATUSES } from "../dispute-state-machine"

/**
 * A dispute (chargeback) on one payment of an order: created by staff or
 * from the payment gateway's dispute events (`gateway_dispute_id` unique per
 * gateway). Won, lost and accepted close it; lost and accepted make the
 * order's payment status Disputed.
 */
export const Dispute = model
  .define("order_dispute", {
    id: model.id({ prefix: "odisp" }).primaryKey(),
    order_id: model.text(),
    payment_id: model.text().nullable(),
    amount: model.bigNumber(),
    currency_code: model.text(),
    reason: model.enum([...DISPUTE_REASONS]),
    status: model.enum([...DISPUTE_STATUSES]).default("needs_response"),
    opened_at: model.dateTime(),
    evidence_due_by: model.dateTime().nullable(),
    closed_at: model.dateTime().nullable(),
    /** `stripe`, or null for a dispute entered by staff. */
    gateway: model.text().nullable(),
    gateway_dispute_id: model.text().nullable(),
    notes: model.text().nullable(),
    created_by: model.text().nullable(),
  })
  .indexes([
    { name: "IDX_order_dispute_order_id", on: ["order_id"], where: "deleted_at IS NULL" },
    {
      name: "IDX_order_dispute_gateway_unique",
      on: ["gateway", "gateway_dispute_id"],
      unique: true,
      where: "deleted_at IS NULL AND gateway_dispute_id IS NOT NULL",
    },
    { name: "IDX_order_dispute_status_due", on: ["status", "evidence_due_by"], where: "deleted_at IS NULL" },
  ])

/**
 * Every gateway dispute event received, keyed by the gateway's event id
 * (unique): a replay finds its row and writes nothing. `outcome` says what
 * was done: `applied`, or `ignored` with why (unknown payment…).
 */
export const DisputeGatewayEvent = model
  .define("order_dispute_event", {
    id: model.id({ prefix: "odevt" }).primaryKey(),
    gateway: model.text(),
    event_id: model.text(),
    type: model.text(),
    outcome: model.enum(["applied", "ignored"]),
    detail: model.text().nullable(),
    dispute_id: model.text().nullable(),
    gateway_dispute_id: model.text().nullable(),
    payload: model.json().nullable(),
  })
  .indexes([
    {
      name: "IDX_order_dispute_event_unique",
      on: ["gateway", "event_id"],
      unique: true,
      where: "deleted_at IS NULL",
    },
  ])
