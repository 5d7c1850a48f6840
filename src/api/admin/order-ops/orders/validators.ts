import { z } from "@medusajs/framework/zod"
import { pageParams } from "../../../utils/page-params"
import {
  ORDER_DELIVERY_STATUSES,
  ORDER_FULFILLMENT_STATUSES,
  ORDER_PAYMENT_STATUSES,
} from "../../../../modules/order-status/statuses"

/** Most rows one page of the Order operations list returns. */
export const MAX_ORDER_OPS_PAGE_SIZE = 200

/** Sorts the list accepts: by placement date or total, `-` for descending. */
export const ORDER_OPS_LIST_SORTS = ["created_at", "-created_at", "total", "-total"] as const

/** `a`, `a,b` or `a&a` (repeated) → `["a", "b"]`, each value trimmed. */
const oneOrMany = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess(
    (value) =>
      value === undefined
        ? undefined
        : [value]
            .flat()
            .flatMap((v) => (typeof v === "string" ? v.split(",") : [v]))
            .map((v) => (typeof v === "string" ? v.trim() : v)),
    z.array(z.enum(values)).min(1).optional()
  )

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/

/**
 * An ISO 8601 date (`2026-01-31`) or date-time (`2026-01-31T12:00:00Z`).
 * A date alone means the start of that day (UTC) for a lower bound and its
 * end for an upper bound, so `created_at_lte=2026-01-31` includes the 31st.
 */
const isoDate = (field: string, bound: "start" | "end") =>
  z
    .string({ error: `${field} must be an ISO 8601 date, e.g. 2026-01-31 or 2026-01-31T12:00:00Z` })
    .trim()
    .refine((value) => ISO_DATE.test(value) && !Number.isNaN(new Date(value).getTime()), {
      error: `${field} must be an ISO 8601 date, e.g. 2026-01-31 or 2026-01-31T12:00:00Z`,
    })
    .transform((value) => {
      if (DATE_ONLY.test(value)) {
        return new Date(`${value}T${bound === "start" ? "00:00:00.000" : "23:59:59.999"}Z`)
      }
      return new Date(value)
    })

/** `GET /admin/order-ops/orders` */
export const AdminGetOrderOpsOrdersParams = z
  .object({
    /** One or more fulfillment statuses (repeat the parameter or separate with commas). */
    fulfillment_status: oneOrMany(ORDER_FULFILLMENT_STATUSES),
    /** One or more payment statuses. */
    payment_status: oneOrMany(ORDER_PAYMENT_STATUSES),
    /** One or more digital delivery statuses (`failed` for the failed deliveries). */
    delivery_status: oneOrMany(ORDER_DELIVERY_STATUSES),
    /** `true` for test orders only, `false` to leave them out. */
    is_test: z
      .enum(["true", "false"], { error: "is_test must be true or false" })
      .transform((value) => value === "true")
      .optional(),
    /** `true` for orders on hold only, `false` to leave them out. */
    on_hold: z
      .enum(["true", "false"], { error: "on_hold must be true or false" })
      .transform((value) => value === "true")
      .optional(),
    /** Orders carrying this merchant label. */
    order_label_id: z.string({ error: "order_label_id must be a string" }).trim().min(1).max(100).optional(),
    /** `true` for orders with a dispute (open or closed), `false` for orders without. */
    disputed: z
      .enum(["true", "false"], { error: "disputed must be true or false" })
      .transform((value) => value === "true")
      .optional(),
    /** Placed at or after. */
    created_at_gte: isoDate("created_at_gte", "start").optional(),
    /** Placed at or before. */
    created_at_lte: isoDate("created_at_lte", "end").optional(),
    /** Display id (exact, when numeric; `#123` works too), or part of the email or customer name. */
    q: z
      .string({ error: "q must be a string" })
      .trim()
      .max(200, { error: "q can be at most 200 characters" })
      .optional()
      .transform((value) => (value ? value : undefined)),
    order: z
      .enum(ORDER_OPS_LIST_SORTS, {
        error: `order must be one of ${ORDER_OPS_LIST_SORTS.join(", ")}`,
      })
      .default("-created_at"),
    ...pageParams(20, MAX_ORDER_OPS_PAGE_SIZE),
  })
  .strict()
  .refine(
    (value) =>
      !value.created_at_gte || !value.created_at_lte || value.created_at_gte <= value.created_at_lte,
    { error: "created_at_gte must not be after created_at_lte", path: ["created_at_gte"] }
  )
export type AdminGetOrderOpsOrdersParamsType = z.infer<typeof AdminGetOrderOpsOrdersParams>
