import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import {
  addShippingMethodToCartWorkflow,
  capturePaymentWorkflow,
  completeCartWorkflow,
  createCartWorkflow,
  createCustomersWorkflow,
  createPaymentCollectionForCartWorkflow,
  createPaymentSessionsWorkflow,
} from "@medusajs/medusa/core-flows"
import seedDemo from "../../src/scripts/seed-demo"
import {
  placeTestOrderWorkflow,
  plausibleTestAddress,
  TEST_ORDER_PAYMENT_PROVIDER,
} from "../../src/workflows"
import { machineDescription, percentile, timeIt, writeBenchmark } from "./stats"

jest.setTimeout(60 * 60 * 1000)

const WARMUP = 3
const SAMPLES = Number(process.env.BENCH_TEST_ORDERS || 100)

type Plan = {
  region_id: string
  sales_channel_id: string
  items: { variant_id: string; quantity: number }[]
  shipping_option_ids: string[]
  country_code: string
}

/**
 * Medusa's own checkout for the same cart the test order gets: a customer,
 * the cart, its shipping methods, a `pp_system_default` session, cart
 * completion and capture — the core part of what a test order does.
 */
async function placeThroughCore(container: MedusaContainer, plan: Plan, n: number) {
  const email = `bench+${n}-${Date.now()}@example.com`
  const address = plausibleTestAddress(plan.country_code)
  const { result: customers } = await createCustomersWorkflow(container).run({
    input: { customersData: [{ first_name: "Bench", last_name: "Customer", email }] },
  })
  const { result: cart } = await createCartWorkflow(container).run({
    input: {
      region_id: plan.region_id,
      sales_channel_id: plan.sales_channel_id,
      email,
      customer_id: customers[0].id,
      shipping_address: address,
      billing_address: address,
      items: plan.items,
    },
  })
  await addShippingMethodToCartWorkflow(container).run({
    input: { cart_id: cart.id, options: plan.shipping_option_ids.map((id) => ({ id })) },
  })
  const { result: collection } = await createPaymentCollectionForCartWorkflow(container).run({
    input: { cart_id: cart.id },
  })
  await createPaymentSessionsWorkflow(container).run({
    input: {
      payment_collection_id: collection.id,
      provider_id: TEST_ORDER_PAYMENT_PROVIDER,
      customer_id: customers[0].id,
    },
  })
  const { result: order } = await completeCartWorkflow(container).run({ input: { id: cart.id } })
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "order",
    fields: ["payment_collections.payments.id"],
    filters: { id: order.id },
  })
  const paymentId = data[0].payment_collections![0]!.payments![0]!.id
  await capturePaymentWorkflow(container).run({ input: { payment_id: paymentId } })
}

/**
 * Placing test orders (`placeTestOrderWorkflow`, paid, explicit items)
 * against Medusa's own cart completion of an equivalent cart (same items,
 * region, shipping options, payment provider, a new customer each, capture),
 * alternating in the same run. Goal: overhead ≤ 10 % per order (mean).
 */
medusaIntegrationTestRunner({
  inApp: true,
  env: { LOG_LEVEL: "error" },
  testSuite: ({ getContainer }) => {
    it("measures placing test orders against core cart completion", async () => {
      const container: MedusaContainer = getContainer()
      await seedDemo({ container, args: [] })
      const query = container.resolve(ContainerRegistrationKeys.QUERY)

      // One test order fixes the cart both paths place: its items and shipping options.
      const first = await placeTestOrderWorkflow(container).run({ input: { payment: "paid" } })
      const { data } = await query.graph({
        entity: "order",
        fields: ["region_id", "sales_channel_id", "items.variant_id", "shipping_methods.shipping_option_id", "shipping_address.country_code"],
        filters: { id: first.result.order.id },
      })
      const order = data[0]
      const plan: Plan = {
        region_id: order.region_id as string,
        sales_channel_id: order.sales_channel_id as string,
        // The default mix is one unit of each variant.
        items: (order.items ?? []).map((i: any) => ({ variant_id: i!.variant_id as string, quantity: 1 })),
        shipping_option_ids: (order.shipping_methods ?? []).map((m: any) => m!.shipping_option_id as string),
        country_code: order.shipping_address!.country_code as string,
      }
      const placeTest = () =>
        placeTestOrderWorkflow(container).run({
          input: { payment: "paid", items: plan.items, region_id: plan.region_id },
        })

      for (let i = 0; i < WARMUP; i++) {
        await placeTest()
        await placeThroughCore(container, plan, -i - 1)
      }
      const test: number[] = []
      const core: number[] = []
      for (let i = 0; i < SAMPLES; i++) {
        if (i % 2) {
          test.push(await timeIt(placeTest))
          core.push(await timeIt(() => placeThroughCore(container, plan, i)))
        } else {
          core.push(await timeIt(() => placeThroughCore(container, plan, i)))
          test.push(await timeIt(placeTest))
        }
      }

      const round = (n: number) => Math.round(n * 10) / 10
      const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length
      const overhead = (mean(test) / mean(core) - 1) * 100
      writeBenchmark({
        id: "03-test-orders",
        title: "Placing test orders vs Medusa's own cart completion",
        method:
          `${SAMPLES} test orders through placeTestOrderWorkflow (paid, explicit items: validation, generated customer, ` +
          "cart, shipping methods, pp_system_default session, completeCartWorkflow, capture, test_order row, timeline entry, " +
          `event, status refresh) alternating with ${SAMPLES} equivalent carts through Medusa's workflows directly ` +
          `(same items, region and shipping options, a new customer each, completion and capture), after ${WARMUP} warm-up pairs, in one run on the demo catalogue.`,
        goal: "mean time per test order ≤ 1.10 × core cart completion",
        met: overhead <= 10,
        table: {
          headers: ["path", "mean (ms)", "p50 (ms)", "p95 (ms)"],
          rows: [
            ["placeTestOrderWorkflow", round(mean(test)), round(percentile(test, 50)), round(percentile(test, 95))],
            ["core cart completion", round(mean(core)), round(percentile(core, 50)), round(percentile(core, 95))],
            ["overhead %", round(overhead), round((percentile(test, 50) / percentile(core, 50) - 1) * 100), round((percentile(test, 95) / percentile(core, 95) - 1) * 100)],
          ],
        },
        measured_at: new Date().toISOString(),
        machine: machineDescription(),
      })
      expect(test).toHaveLength(SAMPLES)
    })
  },
})
