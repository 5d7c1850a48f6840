/** The demo orders, one per state an operator meets, with their notes. */
import { Modules } from "@medusajs/framework/utils"
import { cancelOrderWorkflow } from "@medusajs/medusa/core-flows"
import { createOrderNoteWorkflow, recordShipmentEventWorkflow } from "../../workflows"
import type { OrderLine, PlacedOrder, SeedContext } from "./context"
import {
  amountOwedToCustomer,
  capture,
  deliver,
  deliverEverything,
  fulfill,
  itemsOfKind,
  pick,
  placeOrder,
  refund,
  returnItems,
  ship,
  shipmentOf,
  track,
} from "./orders"

export type SeededOrder = { order: PlacedOrder; state: string }

type OrderScenario = {
  state: string
  email: string
  lines: OrderLine[]
  delivery?: PlacedOrder["delivery"]
  /** Moves the freshly placed (payment authorized) order into its state. */
  then?: (ctx: SeedContext, order: PlacedOrder) => Promise<void>
  notes?: { body: string; visible_to_customer?: boolean }[]
}

const ORDER_SCENARIOS: OrderScenario[] = [
  {
    state: "unpaid (payment authorized, not captured)",
    email: "ada@example.com",
    lines: [
      { sku: "OOPS-TEE-M", quantity: 2 },
      { sku: "OOPS-MUG-WHITE", quantity: 1 },
    ],
  },
  {
    state: "unpaid (payment authorized, not captured)",
    email: "niels@example.com",
    lines: [
      { sku: "OOPS-HOODIE-L", quantity: 1 },
      { sku: "OOPS-EBOOK-PDF", quantity: 1 },
    ],
    delivery: "express",
  },
  {
    state: "paid (captured)",
    email: "marie@example.com",
    lines: [
      { sku: "OOPS-HOODIE-M", quantity: 1 },
      { sku: "OOPS-TEE-S", quantity: 3 },
    ],
    then: capture,
  },
  {
    state: "paid (captured, digital only)",
    email: "astrid@example.com",
    lines: [
      { sku: "OOPS-LICENSE-5", quantity: 1 },
      { sku: "OOPS-VIP-30", quantity: 2 },
    ],
    then: capture,
  },
  {
    state: "partially fulfilled",
    email: "ada@example.com",
    lines: [
      { sku: "OOPS-TEE-L", quantity: 2 },
      { sku: "OOPS-MUG-BLACK", quantity: 2 },
      { sku: "OOPS-HOODIE-S", quantity: 1 },
    ],
    then: async (ctx, order) => {
      await capture(ctx, order)
      await fulfill(
        ctx,
        order,
        pick(order, [{ sku: "OOPS-TEE-L" }, { sku: "OOPS-MUG-BLACK", quantity: 1 }])
      )
    },
    notes: [
      {
        body: "Second black mug and the hoodie are on the next pallet; ship them together on Thursday.",
      },
    ],
  },
  {
    state: "fulfilled, not shipped",
    email: "niels@example.com",
    lines: [
      { sku: "OOPS-MUG-WHITE", quantity: 3 },
      { sku: "OOPS-TEE-XL", quantity: 1 },
    ],
    then: async (ctx, order) => {
      await capture(ctx, order)
      // A mis-pick: the first parcel was canceled before it left, then packed again.
      const first = await fulfill(ctx, order, itemsOfKind(order, false))
      await recordShipmentEventWorkflow(ctx.container).run({
        input: {
          shipment_id: shipmentOf(ctx, first),
          status: "canceled",
          source: "manual",
          actor_id: ctx.adminUserId,
          message: "Wrong mug colour packed",
          strict: true,
        },
      })
      await fulfill(ctx, order, itemsOfKind(order, false))
    },
    notes: [{ body: "Repacked after a mis-pick: white mugs, not black." }],
  },
  {
    state: "out for delivery (tracked by the carrier)",
    email: "astrid@example.com",
    lines: [{ sku: "OOPS-TEE-S", quantity: 2 }],
    then: async (ctx, order) => {
      await capture(ctx, order)
      const items = itemsOfKind(order, false)
      const fulfillmentId = await fulfill(ctx, order, items)
      await ship(ctx, order, fulfillmentId, items)
      await track(ctx, fulfillmentId, "in_transit", "Hamburg hub", "Parcel sorted")
      await track(ctx, fulfillmentId, "out_for_delivery", "Aarhus depot", "With the courier")
    },
  },
  {
    state: "delivery failed (nobody home)",
    email: "niels@example.com",
    lines: [{ sku: "OOPS-HOODIE-M", quantity: 1 }],
    then: async (ctx, order) => {
      await capture(ctx, order)
      const items = itemsOfKind(order, false)
      const fulfillmentId = await fulfill(ctx, order, items)
      await ship(ctx, order, fulfillmentId, items)
      await track(ctx, fulfillmentId, "in_transit", "Copenhagen hub", "Parcel sorted")
      await track(ctx, fulfillmentId, "delivery_failed", "Odense", "Nobody home; a card was left")
    },
    notes: [{ body: "Customer called: redeliver on Saturday morning." }],
  },
  {
    state: "shipped (tracking label)",
    email: "marie@example.com",
    lines: [
      { sku: "OOPS-HOODIE-L", quantity: 2 },
      { sku: "OOPS-TEE-M", quantity: 1 },
    ],
    delivery: "express",
    then: async (ctx, order) => {
      await capture(ctx, order)
      const items = itemsOfKind(order, false)
      const fulfillmentId = await fulfill(ctx, order, items)
      await ship(ctx, order, fulfillmentId, items)
    },
    notes: [
      {
        body: "Your parcel is on its way with express delivery. It should arrive tomorrow.",
        visible_to_customer: true,
      },
      { body: "Customer asked for delivery to the front desk; noted on the label." },
    ],
  },
  {
    state: "delivered",
    email: "astrid@example.com",
    lines: [
      { sku: "OOPS-TEE-S", quantity: 1 },
      { sku: "OOPS-MUG-BLACK", quantity: 1 },
      { sku: "OOPS-EBOOK-EPUB", quantity: 1 },
    ],
    then: async (ctx, order) => {
      await capture(ctx, order)
      await deliverEverything(ctx, order)
    },
  },
  {
    state: "picked up (store pickup)",
    email: "niels@example.com",
    lines: [
      { sku: "OOPS-HOODIE-M", quantity: 1 },
      { sku: "OOPS-MUG-WHITE", quantity: 2 },
    ],
    delivery: "pickup",
    then: async (ctx, order) => {
      await capture(ctx, order)
      const fulfillmentId = await fulfill(ctx, order, itemsOfKind(order, false))
      await deliver(ctx, order, fulfillmentId)
    },
  },
  {
    state: "returned (all items received, item value refunded)",
    email: "ada@example.com",
    lines: [
      { sku: "OOPS-TEE-S", quantity: 2 },
      { sku: "OOPS-HOODIE-L", quantity: 1 },
    ],
    then: async (ctx, order) => {
      await capture(ctx, order)
      await deliverEverything(ctx, order)
      await returnItems(ctx, order, itemsOfKind(order, false), "wrong_size", "Both sizes too large.")
      const owed = await amountOwedToCustomer(ctx, order)
      if (owed > 0) {
        await refund(ctx, order, owed, "Refund for returned items.")
      }
    },
    notes: [
      {
        body: "Return received in good condition; refunded the items. Shipping is not refunded.",
      },
    ],
  },
  {
    state: "partially returned (1 of 2 tees received and refunded)",
    email: "marie@example.com",
    lines: [
      { sku: "OOPS-TEE-L", quantity: 2 },
      { sku: "OOPS-MUG-WHITE", quantity: 1 },
    ],
    then: async (ctx, order) => {
      await capture(ctx, order)
      await deliverEverything(ctx, order)
      await returnItems(
        ctx,
        order,
        pick(order, [{ sku: "OOPS-TEE-L", quantity: 1 }]),
        "changed_mind",
        "Customer kept one tee."
      )
      const owed = await amountOwedToCustomer(ctx, order)
      if (owed > 0) {
        await refund(ctx, order, owed, "Refund for the returned tee.")
      }
    },
  },
  {
    state: "refunded (full amount)",
    email: "astrid@example.com",
    lines: [
      { sku: "OOPS-VIP-365", quantity: 1 },
      { sku: "OOPS-EBOOK-PDF", quantity: 1 },
    ],
    then: async (ctx, order) => {
      await capture(ctx, order)
      const amount = await capturedAmount(ctx, order)
      await refund(ctx, order, amount, "Purchased by mistake; refunded in full.")
    },
  },
  {
    state: "partially refunded",
    email: "ada@example.com",
    lines: [
      { sku: "OOPS-HOODIE-M", quantity: 1 },
      { sku: "OOPS-TEE-M", quantity: 1 },
    ],
    then: async (ctx, order) => {
      await capture(ctx, order)
      await deliverEverything(ctx, order)
      await refund(ctx, order, 10, "Goodwill: parcel arrived two days late.")
    },
  },
  {
    state: "canceled",
    email: "niels@example.com",
    lines: [
      { sku: "OOPS-MUG-BLACK", quantity: 1 },
      { sku: "OOPS-TEE-S", quantity: 1 },
    ],
    then: async (ctx, order) => {
      await cancelOrderWorkflow(ctx.container).run({
        input: { order_id: order.id, canceled_by: ctx.adminUserId ?? undefined },
      })
    },
    notes: [{ body: "Canceled at the customer's request before packing." }],
  },
]

/** The amount captured on the order's payment. */
async function capturedAmount(ctx: SeedContext, order: PlacedOrder): Promise<number> {
  const paymentModule = ctx.container.resolve(Modules.PAYMENT)
  const payment = await paymentModule.retrievePayment(order.payment_id, {
    relations: ["captures"],
  })
  return (payment.captures ?? []).reduce((sum, c) => sum + Number(c.amount), 0)
}

/** Places every demo order and moves it into its state; adds the notes. */
export async function seedOrders(ctx: SeedContext): Promise<SeededOrder[]> {
  const seeded: SeededOrder[] = []
  for (const scenario of ORDER_SCENARIOS) {
    const order = await placeOrder(ctx, scenario.email, scenario.lines, scenario.delivery)
    if (scenario.then) {
      await scenario.then(ctx, order)
    }
    for (const note of scenario.notes ?? []) {
      await createOrderNoteWorkflow(ctx.container).run({
        input: {
          order_id: order.id,
          body: note.body,
          visible_to_customer: note.visible_to_customer ?? false,
          author_id: ctx.adminUserId,
        },
      })
    }
    ctx.logger.info(`Placed order #${order.display_id} for ${order.email}.`)
    seeded.push({ order, state: scenario.state })
  }
  return seeded
}
