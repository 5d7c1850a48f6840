import {
  computePaymentStatus,
  currencyTolerance,
  ORDER_PAYMENT_STATUSES,
  type OrderPaymentStatusValue,
  type PaymentStatusCollection,
  type PaymentStatusInput,
} from "../utils/compute-payment-status"

const collection = (
  status: string,
  amounts: Partial<Omit<PaymentStatusCollection, "status">> = {}
): PaymentStatusCollection => ({
  status,
  amount: 100,
  authorized_amount: 0,
  captured_amount: 0,
  refunded_amount: 0,
  ...amounts,
})

const order = (
  payment_collections: PaymentStatusCollection[],
  extra: Partial<PaymentStatusInput> = {}
): PaymentStatusInput => ({ total: 100, currency_code: "eur", canceled: false, payment_collections, ...extra })

type Row = [string, PaymentStatusInput, OrderPaymentStatusValue]

/** Every row of the truth table in computePaymentStatus's TSDoc, plus the edges around each. */
const TABLE: Row[] = [
  // 0. disputed
  [
    "paid, then a dispute was lost",
    order([collection("completed", { authorized_amount: 100, captured_amount: 100 })], { disputed_amount: 100 }),
    "disputed",
  ],
  [
    "partly refunded, then the rest accepted as a dispute (disputed wins over refunds)",
    order([collection("completed", { authorized_amount: 100, captured_amount: 100, refunded_amount: 40 })], { disputed_amount: 60 }),
    "disputed",
  ],
  [
    "a disputed amount below one minor unit is no dispute (edge)",
    order([collection("completed", { authorized_amount: 100, captured_amount: 100 })], { disputed_amount: 0.001 }),
    "paid",
  ],
  [
    "an open or won dispute takes nothing (disputed amount 0)",
    order([collection("completed", { authorized_amount: 100, captured_amount: 100 })], { disputed_amount: 0 }),
    "paid",
  ],
  // 1. refunded
  [
    "captured in full, refunded in full",
    order([collection("completed", { authorized_amount: 100, captured_amount: 100, refunded_amount: 100 })]),
    "refunded",
  ],
  [
    "refunded in full after the total dropped to 0 (credit line)",
    order([collection("completed", { authorized_amount: 113.75, captured_amount: 113.75, refunded_amount: 113.75 })], { total: 0 }),
    "refunded",
  ],
  [
    "refunds within a cent of the captured amount",
    order([collection("completed", { captured_amount: 100, refunded_amount: 99.995 })]),
    "refunded",
  ],
  [
    "partially captured, and what was captured refunded",
    order([collection("partially_captured", { captured_amount: 40, refunded_amount: 40 })]),
    "refunded",
  ],
  [
    "canceled order whose capture was refunded",
    order([collection("completed", { captured_amount: 100, refunded_amount: 100 })], { canceled: true }),
    "refunded",
  ],

  // 2. partially refunded
  [
    "goodwill refund of 10",
    order([collection("completed", { captured_amount: 106.8, refunded_amount: 10 })], { total: 96.8 }),
    "partially_refunded",
  ],
  [
    "items refunded after a return, shipping kept",
    order([collection("completed", { captured_amount: 136.8, refunded_amount: 130.8 })], { total: 6 }),
    "partially_refunded",
  ],
  [
    "refund short by more than a cent",
    order([collection("completed", { captured_amount: 100, refunded_amount: 99.98 })]),
    "partially_refunded",
  ],
  [
    "refunds over two collections short of captures",
    order([
      collection("completed", { captured_amount: 100, refunded_amount: 100 }),
      collection("completed", { amount: 20, captured_amount: 20 }),
    ], { total: 120 }),
    "partially_refunded",
  ],

  // 3. paid
  ["captured in full", order([collection("completed", { authorized_amount: 100, captured_amount: 100 })]), "paid"],
  [
    "captured within a cent of the total (rounding)",
    order([collection("completed", { captured_amount: 99.995 })]),
    "paid",
  ],
  [
    "captured more than the total after a return lowered it",
    order([collection("completed", { captured_amount: 100 })], { total: 60 }),
    "paid",
  ],
  [
    "two collections captured, together the total",
    order([collection("completed", { amount: 60, captured_amount: 60 }), collection("completed", { amount: 40, captured_amount: 40 })]),
    "paid",
  ],
  [
    "zero-decimal currency, within one yen",
    order([collection("completed", { captured_amount: 9999.5 })], { total: 10000, currency_code: "jpy" }),
    "paid",
  ],

  // 4. partially paid
  [
    "captured part of the total",
    order([collection("partially_captured", { authorized_amount: 100, captured_amount: 40 })]),
    "partially_paid",
  ],
  [
    "captured, then an order edit raised the total (new collection not paid)",
    order([collection("completed", { captured_amount: 100 }), collection("not_paid", { amount: 25 })], { total: 125 }),
    "partially_paid",
  ],
  [
    "short by more than a cent",
    order([collection("completed", { captured_amount: 99.98 })]),
    "partially_paid",
  ],

  // 5. nothing to pay
  ["a free order", order([], { total: 0 }), "paid"],
  ["a free order with a zero collection", order([collection("not_paid", { amount: 0 })], { total: 0 }), "paid"],

  // 6. in progress
  [
    "payment authorized, not captured",
    order([collection("authorized", { authorized_amount: 100 })]),
    "in_progress",
  ],
  [
    "partially authorized",
    order([collection("partially_authorized", { authorized_amount: 50 })]),
    "in_progress",
  ],
  ["awaiting the customer's payment", order([collection("awaiting")]), "in_progress"],
  ["payment requires action (3-D Secure)", order([collection("requires_action")]), "in_progress"],
  [
    "one collection canceled, another authorized",
    order([collection("canceled", { authorized_amount: 100 }), collection("authorized", { authorized_amount: 100 })]),
    "in_progress",
  ],

  // 7. unpaid
  ["no payment collection", order([]), "unpaid"],
  ["collection not paid", order([collection("not_paid")]), "unpaid"],
  ["payment failed", order([collection("failed")]), "unpaid"],
  ["every collection canceled", order([collection("canceled", { authorized_amount: 100 })]), "unpaid"],
  [
    "canceled order whose authorization was voided",
    order([collection("canceled", { authorized_amount: 55 })], { total: 55, canceled: true }),
    "unpaid",
  ],
  [
    "canceled order still showing an authorized collection",
    order([collection("authorized", { authorized_amount: 100 })], { canceled: true }),
    "unpaid",
  ],
  ["canceled free order", order([], { total: 0, canceled: true }), "unpaid"],
]

describe("computePaymentStatus", () => {
  it.each(TABLE)("%s", (_name, input, expected) => {
    expect(computePaymentStatus(input)).toBe(expected)
  })

  it("the table reaches every status", () => {
    const reached = new Set(TABLE.map(([, , status]) => status))
    expect([...reached].sort()).toEqual([...ORDER_PAYMENT_STATUSES].sort())
  })

  it.each([
    ["eur", 0.01],
    ["EUR", 0.01],
    ["jpy", 1],
    ["kwd", 0.001],
    [null, 0.01],
    ["xyz", 0.01],
  ])("tolerance for %s is one minor unit (%d)", (code, expected) => {
    expect(currencyTolerance(code)).toBeCloseTo(expected, 10)
  })
})
