import { model } from "@medusajs/framework/utils"

/** What happens after an order's digital items are delivered, each on its own. */
export const FOLLOW_UP_KINDS = ["instructions", "completion"] as const
export type FollowUpKind = (typeof FOLLOW_UP_KINDS)[number]

/**
 * How long an order's instructions email waits for a sibling item that is
 * still on its first attempt, at most: items delivered together get one email.
 */
export const INSTRUCTIONS_SIBLING_WAIT_SECONDS = 60

/** `due` waits for a run (now or at `next_attempt_at`), `done` is settled, `failed` gave up (shown in the admin). */
export const FOLLOW_UP_STATUSES = ["due", "done", "failed"] as const

/**
 * A durable marker for one follow-up of an order's deliveries: the
 * instructions email and the order's completion. Written before the work,
 * settled after it, swept by the follow-up job, so a crash, a failing email
 * provider or a lock held by a dead worker costs a retry, never the
 * follow-up. One row per order and kind: `generation` grows each time a new
 * delivery asks for it again, and a run settles the row only if no newer
 * request came in meanwhile (the same fencing as a delivery's lease).
 */
export const DeliveryFollowUp = model
  .define("delivery_follow_up", {
    id: model.id({ prefix: "dfu" }).primaryKey(),
    order_id: model.text(),
    kind: model.enum([...FOLLOW_UP_KINDS]),
    status: model.enum([...FOLLOW_UP_STATUSES]).default("due"),
    generation: model.number().default(1),
    attempts: model.number().default(0),
    next_attempt_at: model.dateTime().nullable(),
    locked_until: model.dateTime().nullable(),
    last_error: model.text().nullable(),
    /** Instructions: the deliveries already emailed, so a later item gets its own email and earlier ones none. */
    covered_delivery_ids: model.json().nullable(),
    done_at: model.dateTime().nullable(),
  })
  .indexes([
    { name: "IDX_delivery_follow_up_order_kind_unique", on: ["order_id", "kind"], unique: true, where: "deleted_at IS NULL" },
    {
      name: "IDX_delivery_follow_up_due",
      on: ["next_attempt_at"],
      where: "deleted_at IS NULL AND status = 'due'",
    },
  ])
