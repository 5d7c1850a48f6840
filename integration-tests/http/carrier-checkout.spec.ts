import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules, OrderWorkflowEvents } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import {
  createLinksWorkflow,
  createLocationFulfillmentSetWorkflow,
  createServiceZonesWorkflow,
  createShippingOptionsWorkflow,
  createShippingProfilesWorkflow,
  createStockLocationsWorkflow,
} from "@medusajs/medusa/core-flows"
import { SHIPMENT_MODULE } from "../../src/modules/shipment"
import type ShipmentModuleService from "../../src/modules/shipment/service"
import { SandboxCarrierClient } from "../../src/modules/shipment/carriers"
import carrierFulfillmentCreated from "../../src/subscribers/carrier-fulfillment-created"
import { recordCheckoutLabelWorkflow } from "../../src/workflows/labels/workflows/record-checkout-label"
import { OrderOpsEvents } from "../../src/events"
import { ORDER_ACTIVITY_MODULE } from "../../src/modules/order-activity"
import type OrderActivityModuleService from "../../src/modules/order-activity/service"
import { fulfillmentLabelKey } from "../../src/providers/carrier-fulfillment/service"
import { type Api, createAdmin, createPublishableKey, type Headers, settle } from "../helpers/fixtures"

/**
 * Checkout with the carrier fulfillment provider over HTTP: a calculated
 * sandbox option quoted in the cart's currency, a completed cart, and the
 * fulfillment that buys its label, lands in our ledger and our shipments,
 * and voids the label when canceled.
 */

jest.setTimeout(240 * 1000)

const PROVIDER_ID = "order-ops-carrier_order-ops-carrier"
const US_ADDRESS = {
  first_name: "Ada",
  last_name: "Lovelace",
  address_1: "1 Market St",
  city: "San Francisco",
  province: "CA",
  postal_code: "94105",
  country_code: "us",
}

/** Polls a condition (subscribers run after the response), then asserts it. */
async function waitUntil(check: () => Promise<boolean>) {
  for (let i = 0; i < 100 && !(await check()); i++) {
    await new Promise((r) => setTimeout(r, 100))
  }
  expect(await check()).toBe(true)
}

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api: rawApi, getContainer }) => {
    const api = rawApi as Api
    let container: MedusaContainer
    let admin: Headers & { userId: string }
    let store: Headers
    let locationId: string
    let optionId: string
    let variantId: string
    let regionId: string

    const service = () => container.resolve<ShipmentModuleService>(SHIPMENT_MODULE)

    beforeEach(async () => {
      container = getContainer()
      admin = await createAdmin(api, container)
      const publishableKey = await createPublishableKey(container)
      store = { headers: { "x-publishable-api-key": publishableKey } }
      const [channel] = await container.resolve(Modules.SALES_CHANNEL).listSalesChannels({ name: "Webshop" })

      const region = await api.post(
        "/admin/regions",
        { name: "United States", currency_code: "eur", countries: ["us"], payment_providers: ["pp_system_default"] },
        admin
      )
      regionId = region.data.region.id

      const { result: locations } = await createStockLocationsWorkflow(container).run({
        input: {
          locations: [
            {
              name: "SF warehouse",
              address: { address_1: "215 Clayton St", city: "San Francisco", province: "CA", postal_code: "94117", country_code: "us" },
            },
          ],
        },
      })
      locationId = locations[0].id
      await createLinksWorkflow(container).run({
        input: [
          {
            [Modules.STOCK_LOCATION]: { stock_location_id: locationId },
            [Modules.FULFILLMENT]: { fulfillment_provider_id: PROVIDER_ID },
          },
          {
            [Modules.SALES_CHANNEL]: { sales_channel_id: channel.id },
            [Modules.STOCK_LOCATION]: { stock_location_id: locationId },
          },
        ],
      })
      await createLocationFulfillmentSetWorkflow(container).run({
        input: { location_id: locationId, fulfillment_set_data: { name: "Carrier shipping", type: "shipping" } },
      })
      const [set] = await container.resolve(Modules.FULFILLMENT).listFulfillmentSets({ name: "Carrier shipping" })
      const { result: zones } = await createServiceZonesWorkflow(container).run({
        input: { data: [{ fulfillment_set_id: set.id, name: "US", geo_zones: [{ type: "country", country_code: "us" }] }] },
      })
      const { result: profiles } = await createShippingProfilesWorkflow(container).run({
        input: { data: [{ name: "Default", type: "default" }] },
      })
      const { result: options } = await createShippingOptionsWorkflow(container).run({
        input: [
          {
            name: "Sandbox Ground",
            price_type: "calculated",
            provider_id: PROVIDER_ID,
            service_zone_id: zones[0].id,
            shipping_profile_id: profiles[0].id,
            type: { label: "Ground", description: "5 days", code: "ground" },
            data: { id: "sandbox:ground", name: "Sandbox Ground", carrier: "sandbox", service_code: "ground" },
            rules: [
              { attribute: "enabled_in_store", operator: "eq", value: "true" },
              { attribute: "is_return", operator: "eq", value: "false" },
            ],
          },
        ],
      })
      optionId = options[0].id

      const product = await api.post(
        "/admin/products",
        {
          title: "Hoodie",
          status: "published",
          shipping_profile_id: profiles[0].id,
          sales_channels: [{ id: channel.id }],
          options: [{ title: "Size", values: ["M"] }],
          variants: [
            {
              title: "M",
              options: { Size: "M" },
              manage_inventory: false,
              // Grams and centimetres, as the provider reads them.
              weight: 800,
              length: 30,
              width: 20,
              height: 5,
              prices: [{ currency_code: "eur", amount: 25 }],
            },
          ],
        },
        admin
      )
      variantId = product.data.product.variants[0].id
    })

    it("offers the sandbox services and rejects option data it cannot use", async () => {
      const offered = await api.get(`/admin/fulfillment-providers/${PROVIDER_ID}/options`, admin)
      expect(offered.status).toBe(200)
      expect(offered.data.fulfillment_options.map((o: { id: string }) => o.id)).toEqual([
        "sandbox:ground",
        "sandbox:express",
        "sandbox:overnight",
      ])

      const [option] = await container.resolve(Modules.FULFILLMENT).listShippingOptions({ id: optionId })
      const bad = await settle(
        api.post(
          "/admin/shipping-options",
          {
            name: "Teleport",
            price_type: "calculated",
            provider_id: PROVIDER_ID,
            service_zone_id: option.service_zone_id,
            shipping_profile_id: option.shipping_profile_id,
            type: { label: "Teleport", description: "Now", code: "teleport" },
            data: { carrier: "sandbox", service_code: "teleport" },
            prices: [],
          },
          admin
        )
      )
      expect(bad.status).toBe(400)
      expect(bad.data.message).toContain("data.service_code: Sandbox carrier offers ground, express, overnight")
    })

    const createCart = async () => {
      const cart = await api.post(
        "/store/carts",
        { region_id: regionId, email: "ada@example.com", items: [{ variant_id: variantId, quantity: 2 }], shipping_address: US_ADDRESS },
        store
      )
      expect(cart.status).toBe(200)
      return cart.data.cart as { id: string; currency_code: string }
    }

    // 2 × 800 g + 100 g packaging = 1.7 kg in a 30×20×10 cm box (dimensional
    // 1.2 kg), so ground costs 4.50 + 1.20 × 1.7 = 6.54.
    const GROUND = 6.54

    it("quotes the calculated option with the sandbox ground rate in the cart's currency", async () => {
      const cart = await createCart()
      expect(cart.currency_code).toBe("eur")

      const res = await api.post(`/store/shipping-options/${optionId}/calculate`, { cart_id: cart.id, data: {} }, store)
      expect(res.status).toBe(200)
      expect(res.data.shipping_option.id).toBe(optionId)
      expect(res.data.shipping_option.amount).toBe(GROUND)
      expect(res.data.shipping_option.calculated_price).toEqual(
        expect.objectContaining({ calculated_amount: GROUND, is_calculated_price_tax_inclusive: false })
      )

      const listed = await api.get(`/store/shipping-options?cart_id=${cart.id}`, store)
      expect(listed.status).toBe(200)
      expect(listed.data.shipping_options.map((o: { id: string }) => o.id)).toEqual([optionId])
    })

    it("refuses to quote a cart without a shipping address, saying so", async () => {
      const cart = await api.post("/store/carts", { region_id: regionId, items: [{ variant_id: variantId, quantity: 1 }] }, store)
      const res = await settle(
        api.post(`/store/shipping-options/${optionId}/calculate`, { cart_id: cart.data.cart.id, data: {} }, store)
      )
      expect(res.status).toBe(400)
      expect(res.data.message).toContain("shipping_address")
    })

    it("buys the label when the order is fulfilled, records it once, and voids it on cancel", async () => {
      const cart = await createCart()
      const added = await api.post(`/store/carts/${cart.id}/shipping-methods`, { option_id: optionId }, store)
      expect(added.status).toBe(200)
      expect(added.data.cart.shipping_methods[0].amount).toBe(GROUND)
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const { data: carts } = await query.graph({ entity: "cart", fields: ["shipping_methods.data"], filters: { id: cart.id } })
      expect(carts[0].shipping_methods?.[0]?.data).toEqual(
        expect.objectContaining({ carrier: "sandbox", service_code: "ground", from: expect.objectContaining({ postal_code: "94117" }) })
      )

      const collection = await api.post("/store/payment-collections", { cart_id: cart.id }, store)
      await api.post(
        `/store/payment-collections/${collection.data.payment_collection.id}/payment-sessions`,
        { provider_id: "pp_system_default" },
        store
      )
      const completed = await api.post(`/store/carts/${cart.id}/complete`, {}, store)
      expect(completed.data.type).toBe("order")
      const order = completed.data.order as { id: string; items: { id: string; quantity: number }[] }

      const created = await api.post(
        `/admin/orders/${order.id}/fulfillments`,
        { items: [{ id: order.items[0].id, quantity: 2 }], location_id: locationId },
        admin
      )
      expect(created.status).toBe(200)

      const loadFulfillments = async () => {
        const { data } = await query.graph({
          entity: "order",
          fields: ["fulfillments.id", "fulfillments.provider_id", "fulfillments.data", "fulfillments.canceled_at", "fulfillments.labels.*"],
          filters: { id: order.id },
        })
        return (data[0]?.fulfillments ?? []) as {
          id: string
          provider_id: string
          data: Record<string, unknown>
          canceled_at: unknown
          labels: { tracking_number: string; label_url: string }[]
        }[]
      }
      const [fulfillment] = await loadFulfillments()
      expect(fulfillment.provider_id).toBe(PROVIDER_ID)
      expect(fulfillment.labels).toHaveLength(1)
      expect(fulfillment.labels[0].tracking_number).toMatch(/^SBX\d{12}$/)
      expect(fulfillment.labels[0].label_url).toMatch(/^data:application\/pdf;base64,/)
      expect(fulfillment.data).toEqual(
        expect.objectContaining({
          carrier: "sandbox",
          service: "Sandbox Ground",
          amount: GROUND,
          currency_code: "EUR",
          idempotency_key: fulfillmentLabelKey(order.id, [{ line_item_id: order.items[0].id, quantity: 2 }]),
          tracking_number: fulfillment.labels[0].tracking_number,
        })
      )

      const key = fulfillmentLabelKey(order.id, [{ line_item_id: order.items[0].id, quantity: 2 }])
      const ledger = () => service().listShippingLabels({ idempotency_key: key })
      const shipments = () => service().listShipments({ order_id: order.id })
      for (let i = 0; i < 100; i++) {
        const [label] = await ledger()
        if (label?.shipment_id) {
          break
        }
        await new Promise((r) => setTimeout(r, 100))
      }
      const labels = await ledger()
      expect(labels).toHaveLength(1)
      expect(labels[0]).toEqual(
        expect.objectContaining({
          order_id: order.id,
          fulfillment_id: fulfillment.id,
          carrier: "sandbox",
          status: "purchased",
          tracking_number: fulfillment.labels[0].tracking_number,
          currency_code: "EUR",
          file_id: expect.any(String),
        })
      )
      expect(Number(labels[0].amount)).toBe(GROUND)
      const [shipment] = await shipments()
      expect(shipment).toEqual(
        expect.objectContaining({
          id: labels[0].shipment_id,
          fulfillment_id: fulfillment.id,
          source: "carrier",
          status: "awaiting_shipment",
          tracking_number: fulfillment.labels[0].tracking_number,
          shipping_point: "local",
        })
      )

      // A re-delivered event writes nothing new.
      await carrierFulfillmentCreated({
        event: { name: OrderWorkflowEvents.FULFILLMENT_CREATED, data: { order_id: order.id, fulfillment_id: fulfillment.id } },
        container,
      } as Parameters<typeof carrierFulfillmentCreated>[0])
      expect(await ledger()).toHaveLength(1)
      expect(await shipments()).toHaveLength(1)

      // Failure injection: recording the label again from scratch, with the
      // shipment write failing, leaves nothing behind (ledger row compensated).
      await service().deleteShippingLabels([labels[0].id])
      await service().deleteShipments([shipment.id])
      const failing = jest.spyOn(service(), "createShipments").mockRejectedValueOnce(new Error("database went away"))
      const { errors } = await recordCheckoutLabelWorkflow(container).run({
        input: { order_id: order.id, fulfillment_id: fulfillment.id },
        throwOnError: false,
      })
      failing.mockRestore()
      expect(errors.length).toBeGreaterThan(0)
      expect(await ledger()).toHaveLength(0)
      expect(await shipments()).toHaveLength(0)
      // Run again: the label is recorded, once, with its shipment.
      const { result: again } = await recordCheckoutLabelWorkflow(container).run({
        input: { order_id: order.id, fulfillment_id: fulfillment.id },
      })
      expect(again.created).toBe(true)
      const [relabel] = await ledger()
      const [reshipment] = await shipments()
      expect(relabel).toMatchObject({ status: "purchased", shipment_id: reshipment.id, fulfillment_id: fulfillment.id })
      labels[0] = relabel
      Object.assign(shipment, reshipment)

      // The purchase is on the timeline like any other.
      const activity = container.resolve<OrderActivityModuleService>(ORDER_ACTIVITY_MODULE)
      // (Twice: the first recording, and the re-recording after the injected failure.)
      expect(await activity.listOrderActivities({ order_id: order.id, kind: "label.purchased" })).toHaveLength(2)

      const eventBus = container.resolve(Modules.EVENT_BUS)
      const statusChanged: Record<string, unknown>[] = []
      const listener = async (event: { data: unknown }) => {
        statusChanged.push(event.data as Record<string, unknown>)
      }
      const listenerContext = { subscriberId: "test-checkout-cancel-listener" }
      eventBus.subscribe(OrderOpsEvents.SHIPMENT_STATUS_CHANGED, listener, listenerContext)
      const voidLabel = jest.spyOn(SandboxCarrierClient.prototype, "voidLabel")
      try {
        const canceled = await api.post(`/admin/orders/${order.id}/fulfillments/${fulfillment.id}/cancel`, {}, admin)
        expect(canceled.status).toBe(200)
        expect(voidLabel).toHaveBeenCalledTimes(1)
        expect(voidLabel).toHaveBeenCalledWith(
          expect.objectContaining({
            provider_label_id: labels[0].provider_label_id,
            tracking_number: fulfillment.labels[0].tracking_number,
          })
        )
      } finally {
        voidLabel.mockRestore()
      }
      const [after] = await loadFulfillments()
      expect(after.canceled_at).toBeTruthy()
      // The ledger and our shipment follow the cancel (a subscriber on order.fulfillment_canceled).
      await waitUntil(async () => (await ledger())[0]?.status === "voided")
      expect((await ledger())[0]).toMatchObject({ status: "voided", refund_status: "submitted" })
      await waitUntil(async () => (await shipments())[0]?.status === "canceled")
      // Canceled like a manual cancel: an applied shipment event, a timeline
      // entry, order_ops.shipment.status_changed (which the notification
      // subscriber hears, as for every move) — once.
      const events = await service().listShipmentEvents({ shipment_id: shipment.id, status: "canceled" })
      expect(events).toEqual([expect.objectContaining({ applied: true, source: "system" })])
      await waitUntil(async () => (await activity.listOrderActivities({ order_id: order.id, kind: "shipment.status_changed" })).length === 1)
      const [moved] = await activity.listOrderActivities({ order_id: order.id, kind: "shipment.status_changed" })
      expect(moved.data).toMatchObject({ from: "awaiting_shipment", to: "canceled" })
      await waitUntil(async () => statusChanged.length > 0)
      expect(statusChanged).toEqual([
        expect.objectContaining({ id: shipment.id, status: "canceled", previous_status: "awaiting_shipment" }),
      ])
      eventBus.unsubscribe(OrderOpsEvents.SHIPMENT_STATUS_CHANGED, listener, listenerContext)
    })
  },
})
