/**
 * Seeds the demo store: currencies, a European region with VAT, a warehouse in
 * Copenhagen with shipping and pickup, physical and digital products, four
 * customers and about a dozen orders in every state an operator meets (unpaid,
 * paid, partly fulfilled, shipped, delivered, picked up, returned, refunded,
 * canceled), plus a few order notes.
 *
 * Run with `npx medusa exec ./src/scripts/seed-demo.ts` (or `npm run seed`).
 * Every step looks for what it would create first, so a second run neither
 * duplicates nor fails; once a run has finished, later runs stop right away.
 * Orders go through the real storefront path (cart, shipping method, payment
 * session, cart completion) and are then moved on with Medusa's own workflows.
 *
 * The steps live per domain in `./demo/`: store set-up, catalogue, customers,
 * orders and their scenarios, test orders and parcel templates; digital
 * delivery in `./seed-demo-deliveries.ts`. This file composes them.
 */
import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { updateStoresWorkflow } from "@medusajs/medusa/core-flows"
import { DEMO_DELIVERY_ORDERS, deliverNow, ensureDemoDeliveryProducts, shouldSeedDemoDeliveries } from "./seed-demo-deliveries"
import { PRODUCTS, ensureProducts } from "./demo/catalog"
import type { SeedContext } from "./demo/context"
import { ensureCustomers } from "./demo/customers"
import { seedOrders, type SeededOrder } from "./demo/order-scenarios"
import { capture, placeOrder } from "./demo/orders"
import { ensureParcelTemplates } from "./demo/parcel-templates"
import {
  MARKER_PRODUCT_HANDLE,
  PICKUP_COUNTRIES,
  PICKUP_SET_NAME,
  REGION_COUNTRIES,
  SHIPPING_SET_NAME,
  STORE_MARKER_KEY,
  ensurePublishableKey,
  ensureRegion,
  ensureReturnReasons,
  ensureServiceZone,
  ensureShippingOptions,
  ensureShippingProfiles,
  ensureStockLocation,
  ensureStore,
} from "./demo/store"
import { seedDemoTestOrders } from "./demo/test-orders"

export type { PlacedOrder, SeedContext } from "./demo/context"
export { capture, placeOrder } from "./demo/orders"
export { DEMO_PARCEL_TEMPLATES } from "./demo/parcel-templates"
export { seedDemoTestOrders }

/**
 * Seeds the Order Ops demo store. Safe to run again: a finished seed is
 * detected and skipped, and an interrupted one is completed without
 * duplicating what already exists.
 */
export default async function seedDemo({ container }: ExecArgs): Promise<void> {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const productModule = container.resolve(Modules.PRODUCT)
  const orderModule = container.resolve(Modules.ORDER)
  const userModule = container.resolve(Modules.USER)
  const paymentModule = container.resolve(Modules.PAYMENT)

  const store = await ensureStore(container, logger)
  // Parcel templates for the sandbox carrier's label drawer (also for stores seeded before labels existed).
  await ensureParcelTemplates(container, logger)
  const markerProducts = await productModule.listProducts({ handle: MARKER_PRODUCT_HANDLE })
  if (store.metadata[STORE_MARKER_KEY] && markerProducts.length) {
    logger.info("demo data already seeded")
    return
  }

  logger.info("Seeding the Order Ops demo store…")
  const regionId = await ensureRegion(container, logger)
  const locationId = await ensureStockLocation(container, logger, store.salesChannelId)
  const profiles = await ensureShippingProfiles(container, logger)
  const shippingZone = await ensureServiceZone(container, logger, locationId, {
    name: SHIPPING_SET_NAME,
    type: "shipping",
    zone: "Europe",
    countries: REGION_COUNTRIES,
  })
  const pickupZone = await ensureServiceZone(container, logger, locationId, {
    name: PICKUP_SET_NAME,
    type: "pickup",
    zone: "Copenhagen pickup counter",
    countries: PICKUP_COUNTRIES,
  })
  const options = await ensureShippingOptions(
    container,
    logger,
    regionId,
    { shipping: shippingZone, pickup: pickupZone },
    profiles
  )
  await updateStoresWorkflow(container).run({
    input: {
      selector: { id: store.storeId },
      update: { default_region_id: regionId, default_location_id: locationId },
    },
  })
  const publishableKey = await ensurePublishableKey(container, logger, store.salesChannelId)
  const returnReasons = await ensureReturnReasons(container, logger)
  const variants = await ensureProducts(container, logger, store.salesChannelId, locationId, profiles)
  const customers = await ensureCustomers(container, logger)

  const adminEmail = process.env.DEMO_ADMIN_EMAIL || "admin@medusa-order-ops.test"
  const [admin] = await userModule.listUsers({ email: adminEmail })
  // One of the refund reasons Medusa's migrations create.
  const [refundReason] = await paymentModule.listRefundReasons({
    label: "Customer Care Adjustment",
  })

  const ctx: SeedContext = {
    container,
    logger,
    regionId,
    salesChannelId: store.salesChannelId,
    locationId,
    options,
    variants,
    customers,
    returnReasons,
    refundReasonId: refundReason?.id,
    adminUserId: admin?.id ?? null,
    shipments: new Map(),
  }

  const existingOrders = await orderModule.listOrders(
    { customer_id: [...customers.values()].map((c) => c.id) },
    { select: ["id"], take: 1 }
  )
  let seeded: SeededOrder[] = []
  if (existingOrders.length) {
    logger.info("Demo customers already have orders; not placing new ones.")
  } else {
    seeded = await seedOrders(ctx)
  }

  // Jest runs (NODE_ENV=test) keep the demo's order list exact; tests seed test orders themselves.
  if (process.env.NODE_ENV !== "test") {
    await seedDemoTestOrders(container, ctx.adminUserId)
  }

  // Digital delivery: products per method and a few orders to watch (see seed-demo-deliveries.ts).
  if (shouldSeedDemoDeliveries() && (await ensureDemoDeliveryProducts(container, ctx.variants))) {
    for (const spec of DEMO_DELIVERY_ORDERS) {
      const order = await placeOrder(ctx, spec.email, spec.lines)
      await capture(ctx, order)
      await deliverNow(container, order.id)
      logger.info(`Demo order #${order.display_id}: ${spec.shows}`)
    }
  }

  await updateStoresWorkflow(container).run({
    input: {
      selector: { id: store.storeId },
      update: {
        metadata: { ...store.metadata, [STORE_MARKER_KEY]: new Date().toISOString() },
      },
    },
  })

  logger.info("Order Ops demo data is ready:")
  logger.info(`  products: ${PRODUCTS.length} (${variants.size} variants), customers: ${customers.size}`)
  logger.info(`  orders placed this run: ${seeded.length}`)
  for (const { order, state } of seeded) {
    logger.info(`    #${order.display_id}  ${state}  (${order.email})`)
  }
  logger.info(`  publishable API key: ${publishableKey}`)
}
