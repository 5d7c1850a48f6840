import { defaultCurrencies } from "@medusajs/framework/utils"
import {
  OrderPaymentStatus,
  type OrderPaymentStatusValue,
} from "../../../modules/order-status/statuses"

export {
  OrderPaymentStatus,
  ORDER_PAYMENT_STATUSES,
  ORDER_PAYMENT_STATUS_LABELS,
  type OrderPaymentStatusValue,
} from "../../../modules/order-status/statuses"

/** One of the order's Medusa payment collections. */
export type PaymentStatusCollection = {
  /** Medusa's collection status: `not_paid`, `awaiting`, `authorized`, `partially_authorized`, `canceled`, `failed`, `partially_captured`, `completed`, `requires_action`. */
  status: string
  amount?: number | null
  authorized_amount?: number | null
  captured_amount?: number | null
  refunded_amount?: number | null
}

/** Everything {@link computePaymentStatus} looks at. */
export type PaymentStatusInput = {
  /** What the order costs now (Medusa's `order.total`). */
  total: number
  /** Sets the rounding tolerance: one minor unit of the currency (0.01 for EUR, 1 for JPY). */
  currency_code?: string | null
  /** The order is canceled: an authorization it still shows was voided. */
  canceled: boolean
  payment_collections: PaymentStatusCollection[]
  /** What closed disputes took back from the merchant (lost or accepted disputes); 0 when none. */
  disputed_amount?: number | null
}

const IN_PROGRESS_COLLECTION_STATUSES = new Set([
  "awaiting",
  "authorized",
  "partially_authorized",
  "requires_action",
])

const num = (value: number | null | undefined): number => {
  const n = Number(value ?? 0)
  return Number.isFinite(n) ? n : 0
}

/** One minor unit of the currency: amounts closer than this are equal. */
export function currencyTolerance(currencyCode?: string | null): number {
  const digits = currencyCode
    ? defaultCurrencies[currencyCode.toUpperCase()]?.decimal_digits
    : undefined
  return 10 ** -(digits ?? 2)
}

/**
 * The payment status of an order. Pure. Amounts are summed over the order's
 * payment collections; amounts within one minor unit of each other count as
 * equal (as Medusa's own payment status does). Rules, first match wins:
 *
 * | # | when | status |
 * |---|---|---|
 * | 0 | a dispute on the order was lost or accepted (disputed amount > 0) | `disputed` |
 * | 1 | something was refunded and refunds cover everything captured | `refunded` |
 * | 2 | something was refunded | `partially_refunded` |
 * | 3 | captured covers the order total | `paid` |
 * | 4 | something was captured | `partially_paid` |
 * | 5 | the order costs nothing (total ≤ 0) and is not canceled | `paid` |
 * | 6 | not canceled, and a payment is authorized or under way (an authorized amount, or a collection `awaiting`, `authorized`, `partially_authorized` or `requires_action`) | `in_progress` |
 * | 7 | otherwise (no collection, `not_paid`, failed or canceled payments, a canceled order's voided authorization) | `unpaid` |
 */
export function computePaymentStatus(input: PaymentStatusInput): OrderPaymentStatusValue {
  const tolerance = currencyTolerance(input.currency_code)
  const collections = input.payment_collections
  const captured = collections.reduce((sum, c) => sum + num(c.captured_amount), 0)
  const refunded = collections.reduce((sum, c) => sum + num(c.refunded_amount), 0)

  if (num(input.disputed_amount) >= tolerance) {
    return OrderPaymentStatus.DISPUTED
  }
  if (refunded >= tolerance) {
    return refunded >= captured - tolerance
      ? OrderPaymentStatus.REFUNDED
      : OrderPaymentStatus.PARTIALLY_REFUNDED
  }
  if (captured >= tolerance) {
    return captured >= num(input.total) - tolerance
      ? OrderPaymentStatus.PAID
      : OrderPaymentStatus.PARTIALLY_PAID
  }
  if (input.canceled) {
    return OrderPaymentStatus.UNPAID
  }
  if (num(input.total) < tolerance) {
    return OrderPaymentStatus.PAID
  }
  const underWay = collections.some(
    (c) =>
      c.status !== "canceled" &&
      (num(c.authorized_amount) >= tolerance || IN_PROGRESS_COLLECTION_STATUSES.has(c.status))
  )
  return underWay ? OrderPaymentStatus.IN_PROGRESS : OrderPaymentStatus.UNPAID
}
