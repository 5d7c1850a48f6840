import { model } from "@medusajs/framework/utils"
import { ATTEMPT_LOG_OUTCOMES, DELIVERY_ATTEMPT_KINDS, DELIVERY_STATUSES } from "../methods/types"

/**
 * The delivery of one digital line item (all its quantity). Its state is
 * data: `status` follows ../state-machine.ts, the next automatic attempt is
 * `next_attempt_at` (swept by a scheduled job), and `locked_until` is the
 * lease of whoever is attempting it now — so any number of processes can
 * sweep without two attempting the same delivery.
 */
export const Delivery = model
  .define("delivery", {
    id: model.id({ prefix: "dlv" }).primaryKey(),
    order_id: model.text(),
    line_item_id: model.text(),
    variant_id: model.text().nullable(),
    delivery_product_id: model.text().nullable(),
    // A code of the method registry (methods/index.ts), checked where products are written.
    method: model.text(),
    title: model.text(),
    quantity: model.number(),
    status: model.enum([...DELIVERY_STATUSES]).default("pending"),
    attempts: model.number().default(0),
    next_attempt_at: model.dateTime().nullable(),
    locked_until: model.dateTime().nullable(),
    /**
     * Fencing token: raised by every lease. An attempt records its outcome only while
     * the token is still the one it leased with (else it was superseded).
     */
    lease_token: model.number().default(0),
    /** A revoke is owed (refund / cancel) and runs under the lease; set until it succeeds or a person closes it. */
    revoke_requested_at: model.dateTime().nullable(),
    /** When the sweep next tries the owed revoke at the outside service. */
    revoke_next_at: model.dateTime().nullable(),
    revoke_attempts: model.number().default(0),
    last_error: model.text().nullable(),
    /** An attempt may have been carried out (RCON connection dropped after sending): a person decides. */
    outcome_unknown: model.boolean().default(false),
    /** A test order's delivery: attempts are recorded, nothing is sent. */
    is_dry_run: model.boolean().default(false),
    /** Stable across retries: the Standard Webhooks `webhook-id`. */
    idempotency_key: model.text(),
    delivered_at: model.dateTime().nullable(),
    revoked_at: model.dateTime().nullable(),
    /** Set by "Mark as delivered". */
    redemption_code: model.text().nullable(),
    notes: model.text().nullable(),
    delivered_by: model.text().nullable(),
    /** What was delivered: recipient, grant ids… */
    data: model.json().nullable(),
    attempt_log: model.hasMany(() => DeliveryAttempt, { mappedBy: "delivery" }),
  })
  .cascades({ delete: ["attempt_log"] })
  .indexes([
    { name: "IDX_delivery_line_item_id_unique", on: ["line_item_id"], unique: true, where: "deleted_at IS NULL" },
    { name: "IDX_delivery_idempotency_key_unique", on: ["idempotency_key"], unique: true, where: "deleted_at IS NULL" },
    { name: "IDX_delivery_order_id", on: ["order_id"], where: "deleted_at IS NULL" },
    {
      name: "IDX_delivery_due",
      on: ["next_attempt_at"],
      where: "deleted_at IS NULL AND next_attempt_at IS NOT NULL AND status IN ('pending', 'awaiting_recipient')",
    },
    /** The exceptions inbox's deliveries: the predicate is its rule's own, so the planner uses it. */
    {
      name: "IDX_delivery_exception",
      on: ["status"],
      where: "deleted_at IS NULL AND (status = 'failed' OR (outcome_unknown = true AND status <> 'delivered' AND status <> 'revoked'))",
    },
  ])

/** One attempt (or manual action) on a delivery, with what was sent and received, secrets masked. */
export const DeliveryAttempt = model
  .define("delivery_attempt", {
    id: model.id({ prefix: "dlat" }).primaryKey(),
    kind: model.enum([...DELIVERY_ATTEMPT_KINDS]).default("deliver"),
    attempt: model.number(),
    outcome: model.enum([...ATTEMPT_LOG_OUTCOMES]),
    message: model.text(),
    request: model.json().nullable(),
    response: model.json().nullable(),
    duration_ms: model.number().default(0),
    actor_id: model.text().nullable(),
    delivery: model.belongsTo(() => Delivery, { mappedBy: "attempt_log" }),
  })
  .indexes([
    { name: "IDX_delivery_attempt_delivery_id", on: ["delivery_id", "created_at"], where: "deleted_at IS NULL" },
    /** The revoke attempts, for the exceptions inbox's "revoke failed". */
    { name: "IDX_delivery_attempt_revoke", on: ["delivery_id", "created_at"], where: "deleted_at IS NULL AND kind = 'revoke'" },
  ])

/**
 * A download link's right: which file, until when, how many downloads are
 * left. The link's token is HMAC-signed and names the grant; the count is
 * decremented in one conditional UPDATE, so concurrent downloads never
 * exceed it.
 */
export const DownloadGrant = model
  .define("download_grant", {
    id: model.id({ prefix: "dgrant" }).primaryKey(),
    delivery_id: model.text(),
    order_id: model.text(),
    file_id: model.text(),
    filename: model.text().nullable(),
    expires_at: model.dateTime(),
    remaining_downloads: model.number(),
    max_downloads: model.number(),
    revoked_at: model.dateTime().nullable(),
  })
  .indexes([{ name: "IDX_download_grant_delivery_id", on: ["delivery_id"], where: "deleted_at IS NULL" }])
