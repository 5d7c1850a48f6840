/** Placing a demo order through the storefront path, then paying, fulfilling, shipping, tracking, delivering, refunding and returning it with Medusa's and our own workflows. */
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import {
  addShippingMethodToCartWorkflow,
  beginReceiveReturnWorkflow,
  beginReturnOrderWorkflow,
  capturePaymentWorkflow,
  completeCartWorkflow,
  confirmReturnReceiveWorkflow,
  confirmReturnRequestWorkflow,
  createCartWorkflow,
  createOrderFulfillmentWorkflow,
  createPaymentCollectionForCartWorkflow,
  createPaymentSessionsWorkflow,
  createReturnShippingMethodWorkflow,
  markOrderFulfillmentAsDeliveredWorkflow,
  receiveItemReturnRequestWorkflow,
  refundPaymentWorkflow,
  requestItemReturnWorkflow,
} from "@medusajs/medusa/core-flows"
import { createManualShipmentWorkflow, recordShipmentEventWorkflow, updateShipmentWorkflow } from "../../workflows"
import { type MaybeRecord, type OrderLine, type PlacedOrder, type SeedContext, idsOf } from "./context"
import { PAYMENT_PROVIDER } from "./store"

/** Reads back what the scenarios need from an order just placed. */
async function loadPlacedOrder(
  ctx: SeedContext,
  orderId: string,
  delivery: PlacedOrder["delivery"]
): Promise<PlacedOrder> {
  const orderModule = ctx.container.resolve(Modules.ORDER)
  const query = ctx.container.resolve(ContainerRegistrationKeys.QUERY)

  const order = await orderModule.retrieveOrder(orderId, { relations: ["items"] })
  const { data } = await query.graph({
    entity: "order",
    fields: ["id", "payment_collections.payments.id"],
    filters: { id: orderId },
  })
  const paymentId = (data[0]?.payment_collections ?? [])
    .flatMap((collection: { payments?: ReadonlyArray<MaybeRecord> | null } | null) =>
      idsOf(collection?.payments)
    )
    .at(0)
  if (!paymentId) {
    throw new MedusaError(
      MedusaError.Types.UNEXPECTED_STATE,
      `Order #${order.display_id} has no payment after cart completion.`
    )
  }

  return {
    id: order.id,
    display_id: order.display_id,
    email: order.email ?? "",
    delivery,
    items: (order.items ?? []).map((item) => {
      const sku = item.variant_sku ?? ""
      return {
        id: item.id,
        sku,
        quantity: Number(item.quantity),
        digital: ctx.variants.get(sku)?.digital ?? false,
      }
    }),
    payment_id: paymentId,
  }
}

/**
 * Places an order the way a storefront does: cart with addresses and items,
 * shipping method(s) per shipping profile, a payment session with the system
 * provider, then cart completion (which authorizes the payment).
 */
export async function placeOrder(
  ctx: SeedContext,
  email: string,
  lines: OrderLine[],
  delivery: PlacedOrder["delivery"] = "standard"
): Promise<PlacedOrder> {
  const customer = ctx.customers.get(email)
  if (!customer) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Demo customer ${email} not found.`)
  }

  const items = lines.map((line) => {
    const variant = ctx.variants.get(line.sku)
    if (!variant) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Demo variant ${line.sku} not found.`)
    }
    return { variant_id: variant.id, quantity: line.quantity, digital: variant.digital, metadata: line.metadata }
  })

  const { result: cart } = await createCartWorkflow(ctx.container).run({
    input: {
      region_id: ctx.regionId,
      sales_channel_id: ctx.salesChannelId,
      email,
      customer_id: customer.id,
      shipping_address: customer.address,
      billing_address: customer.address,
      items: items.map(({ variant_id, quantity, metadata }) => ({ variant_id, quantity, ...(metadata ? { metadata } : {}) })),
    },
  })

  const shippingOptions: { id: string }[] = []
  if (items.some((i) => !i.digital)) {
    shippingOptions.push({ id: ctx.options[delivery] })
  }
  if (items.some((i) => i.digital)) {
    shippingOptions.push({ id: ctx.options.digital })
  }
  await addShippingMethodToCartWorkflow(ctx.container).run({
    input: { cart_id: cart.id, options: shippingOptions },
  })

  const { result: collection } = await createPaymentCollectionForCartWorkflow(ctx.container).run({
    input: { cart_id: cart.id },
  })
  await createPaymentSessionsWorkflow(ctx.container).run({
    input: {
      payment_collection_id: collection.id,
      provider_id: PAYMENT_PROVIDER,
      customer_id: customer.id,
    },
  })

  const { result } = await completeCartWorkflow(ctx.container).run({ input: { id: cart.id } })
  return loadPlacedOrder(ctx, result.id, delivery)
}

/** Picks order items by SKU; `quantity` defaults to the whole line. */
export function pick(order: PlacedOrder, lines: { sku: string; quantity?: number }[]) {
  return lines.map((line) => {
    const item = order.items.find((i) => i.sku === line.sku)
    if (!item) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Order #${order.display_id} has no item ${line.sku}.`
      )
    }
    return { id: item.id, quantity: line.quantity ?? item.quantity }
  })
}

/** Items of an order that ship physically, or the digital ones. */
export function itemsOfKind(order: PlacedOrder, digital: boolean) {
  return order.items
    .filter((i) => i.digital === digital)
    .map((i) => ({ id: i.id, quantity: i.quantity }))
}

export async function capture(ctx: SeedContext, order: PlacedOrder) {
  await capturePaymentWorkflow(ctx.container).run({
    input: { payment_id: order.payment_id, captured_by: ctx.adminUserId ?? undefined },
  })
}

/**
 * Creates a fulfillment from the warehouse. Physical items go through the
 * plugin's manual shipment (a Medusa fulfillment plus our shipment, waiting to
 * ship or, for store pickup, to be collected); digital items go out with the
 * "Digital delivery" option through Medusa directly. All items must share a
 * shipping profile.
 */
export async function fulfill(
  ctx: SeedContext,
  order: PlacedOrder,
  items: { id: string; quantity: number }[],
  digital = false
): Promise<string> {
  if (digital) {
    const { result } = await createOrderFulfillmentWorkflow(ctx.container).run({
      input: {
        order_id: order.id,
        items,
        location_id: ctx.locationId,
        shipping_option_id: ctx.options.digital,
        created_by: ctx.adminUserId ?? undefined,
      },
    })
    return result.id
  }
  const { result } = await createManualShipmentWorkflow(ctx.container).run({
    input: {
      order_id: order.id,
      items: items.map((i) => ({ line_item_id: i.id, quantity: i.quantity })),
      shipping_point: order.delivery === "pickup" ? "pickup" : "local",
      mark_shipped: false,
      location_id: ctx.locationId,
      shipping_option_id: ctx.options[order.delivery],
      actor_id: ctx.adminUserId,
    },
  })
  ctx.shipments.set(result.fulfillment_id!, result.id)
  return result.fulfillment_id!
}

export function shipmentOf(ctx: SeedContext, fulfillmentId: string): string {
  const id = ctx.shipments.get(fulfillmentId)
  if (!id) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `No shipment for fulfillment ${fulfillmentId}`)
  }
  return id
}

/** Hands a shipment to DHL with a tracking number: Shipped, in Medusa too. */
export async function ship(
  ctx: SeedContext,
  order: PlacedOrder,
  fulfillmentId: string,
  _items: { id: string; quantity: number }[]
) {
  const trackingNumber = `DEMO${String(order.display_id).padStart(4, "0")}DK`
  await updateShipmentWorkflow(ctx.container).run({
    input: {
      shipment_id: shipmentOf(ctx, fulfillmentId),
      carrier: "dhl",
      tracking_number: trackingNumber,
      estimated_delivery_at: new Date(Date.now() + 3 * 86400000),
      status: "shipped",
      actor_id: ctx.adminUserId,
    },
  })
}

/** A carrier scan: moves the shipment along (what a tracking webhook would do). */
export async function track(
  ctx: SeedContext,
  fulfillmentId: string,
  status: "in_transit" | "out_for_delivery" | "delivery_failed",
  location: string,
  message: string
) {
  await recordShipmentEventWorkflow(ctx.container).run({
    input: { shipment_id: shipmentOf(ctx, fulfillmentId), status, source: "system", location, message },
  })
}

/** Delivered (or picked up at the store); in Medusa too. */
export async function deliver(ctx: SeedContext, order: PlacedOrder, fulfillmentId: string) {
  const shipmentId = ctx.shipments.get(fulfillmentId)
  if (!shipmentId) {
    await markOrderFulfillmentAsDeliveredWorkflow(ctx.container).run({
      input: { orderId: order.id, fulfillmentId },
    })
    return
  }
  await recordShipmentEventWorkflow(ctx.container).run({
    input: {
      shipment_id: shipmentId,
      status: "delivered",
      source: "manual",
      actor_id: ctx.adminUserId,
      message: order.delivery === "pickup" ? "Collected at the store" : "Delivered to the customer",
    },
  })
}

/** Fulfills, ships and delivers every physical item, and delivers the digital ones. */
export async function deliverEverything(ctx: SeedContext, order: PlacedOrder) {
  const physical = itemsOfKind(order, false)
  if (physical.length) {
    const fulfillmentId = await fulfill(ctx, order, physical)
    if (order.delivery !== "pickup") {
      await ship(ctx, order, fulfillmentId, physical)
      await track(ctx, fulfillmentId, "in_transit", "Copenhagen hub", "Parcel sorted")
      await track(ctx, fulfillmentId, "out_for_delivery", "Local depot", "With the courier")
    }
    await deliver(ctx, order, fulfillmentId)
  }
  const digital = itemsOfKind(order, true)
  if (digital.length) {
    const fulfillmentId = await fulfill(ctx, order, digital, true)
    await deliver(ctx, order, fulfillmentId)
  }
}

export async function refund(ctx: SeedContext, order: PlacedOrder, amount: number, note: string) {
  await refundPaymentWorkflow(ctx.container).run({
    input: {
      payment_id: order.payment_id,
      amount,
      note,
      refund_reason_id: ctx.refundReasonId,
      created_by: ctx.adminUserId ?? undefined,
    },
  })
}

/** What the order owes the customer (positive) after returns, from its summary. */
export async function amountOwedToCustomer(ctx: SeedContext, order: PlacedOrder): Promise<number> {
  const query = ctx.container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: ["id", "summary.*"],
    filters: { id: order.id },
  })
  const pending = Number(data[0]?.summary?.pending_difference ?? 0)
  return pending < 0 ? -pending : 0
}

/**
 * Runs the admin return flow: request the items back with a prepaid return
 * label, then receive them all at the warehouse.
 */
export async function returnItems(
  ctx: SeedContext,
  order: PlacedOrder,
  items: { id: string; quantity: number }[],
  reason: string,
  note: string
) {
  const { result: change } = await beginReturnOrderWorkflow(ctx.container).run({
    input: {
      order_id: order.id,
      location_id: ctx.locationId,
      description: note,
      created_by: ctx.adminUserId,
    },
  })
  const returnId = change.return_id
  if (!returnId) {
    throw new MedusaError(
      MedusaError.Types.UNEXPECTED_STATE,
      `Beginning a return on order #${order.display_id} returned no return id.`
    )
  }
  const reasonId = ctx.returnReasons.get(reason)

  await requestItemReturnWorkflow(ctx.container).run({
    input: {
      return_id: returnId,
      items: items.map((item) => ({ ...item, reason_id: reasonId })),
    },
  })
  await createReturnShippingMethodWorkflow(ctx.container).run({
    input: { return_id: returnId, shipping_option_id: ctx.options.return, custom_amount: 0 },
  })
  await confirmReturnRequestWorkflow(ctx.container).run({
    input: { return_id: returnId, confirmed_by: ctx.adminUserId ?? undefined },
  })

  await beginReceiveReturnWorkflow(ctx.container).run({
    input: { return_id: returnId, created_by: ctx.adminUserId ?? undefined },
  })
  await receiveItemReturnRequestWorkflow(ctx.container).run({
    input: { return_id: returnId, items },
  })
  await confirmReturnReceiveWorkflow(ctx.container).run({
    input: { return_id: returnId, confirmed_by: ctx.adminUserId ?? undefined },
  })
}
