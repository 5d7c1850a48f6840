import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import {
  addShippingMethodToCartWorkflow,
  capturePaymentWorkflow,
  completeCartWorkflow,
  createCartWorkflow,
  createCustomersWorkflow,
  createPaymentCollectionForCartWorkflow,
  createPaymentSessionsWorkflow,
  emitEventStep,
  useQueryGraphStep,
} from "@medusajs/medusa/core-flows"
import { OrderOpsEvents } from "../../../events"
import { recordOrderActivityStep } from "../../order-activity/steps/record-order-activity"
import { refreshOrderStatusWorkflow } from "../../order-status/workflows/refresh-order-status"
import { createTestOrderRecordStep } from "../steps/create-test-order-record"
import { prepareTestOrderStep, type PrepareTestOrderStepInput } from "../steps/prepare-test-order"
import { TEST_ORDER_METADATA_KEY } from "../utils/test-order-rules"

/** Input of {@link placeTestOrderWorkflow}. */
export type PlaceTestOrderWorkflowInput = PrepareTestOrderStepInput & {
  /** The admin user placing it. */
  actor_id?: string | null
}

/** The system payment provider: authorizes and captures without a real PSP. */
export const TEST_ORDER_PAYMENT_PROVIDER = "pp_system_default"

export const placeTestOrderWorkflowId = "order-ops-place-test-order"

/**
 * Places a test order through Medusa's real checkout path: validates
 * everything first (nothing is written on bad input), creates the generated
 * test customer when needed, then a cart, its shipping methods, a payment
 * collection and a `pp_system_default` session, and completes the cart with
 * `completeCartWorkflow` — so `order.placed` and every subscriber fire as for
 * a real order. Then flags the order in `test_order`, captures the payment
 * when `payment` is `paid` (default), records `test_order.placed` on the
 * timeline, emits `order_ops.test_order.placed` and refreshes the order's
 * persisted statuses (`is_test` true at once). Every step compensates.
 *
 * @throws MedusaError INVALID_DATA naming the field for bad input.
 */
export const placeTestOrderWorkflow = createWorkflow(
  placeTestOrderWorkflowId,
  function (input: PlaceTestOrderWorkflowInput) {
    const plan = prepareTestOrderStep(
      transform({ input }, ({ input }) => ({
        items: input.items,
        region_id: input.region_id,
        customer_id: input.customer_id,
        email: input.email,
        shipping_address: input.shipping_address,
        shipping_option_id: input.shipping_option_id,
        payment: input.payment,
      }))
    )

    const generated = when("generate-test-customer", { plan }, ({ plan }) => plan.generate_customer).then(
      () =>
        createCustomersWorkflow.runAsStep({
          input: transform({ plan }, ({ plan }) => ({
            customersData: [
              {
                first_name: "Test",
                last_name: "Customer",
                email: plan.email,
                metadata: { [TEST_ORDER_METADATA_KEY]: true },
              },
            ],
          })),
        })
    )

    const customerId = transform({ plan, generated }, ({ plan, generated }) =>
      plan.generate_customer ? generated?.[0]?.id ?? null : plan.customer_id
    )

    const cart = createCartWorkflow.runAsStep({
      input: transform({ plan, customerId }, ({ plan, customerId }) => ({
        region_id: plan.region_id,
        sales_channel_id: plan.sales_channel_id ?? undefined,
        email: plan.email,
        customer_id: customerId ?? undefined,
        shipping_address: plan.address,
        billing_address: plan.address,
        items: plan.items,
        metadata: { [TEST_ORDER_METADATA_KEY]: true },
      })),
    })

    addShippingMethodToCartWorkflow.runAsStep({
      input: transform({ plan, cart }, ({ plan, cart }) => ({
        cart_id: cart.id,
        options: plan.shipping_option_ids.map((id) => ({ id })),
      })),
    })

    const collection = createPaymentCollectionForCartWorkflow.runAsStep({
      input: transform({ cart }, ({ cart }) => ({ cart_id: cart.id })),
    })

    createPaymentSessionsWorkflow.runAsStep({
      input: transform({ collection, customerId }, ({ collection, customerId }) => ({
        payment_collection_id: collection.id,
        provider_id: TEST_ORDER_PAYMENT_PROVIDER,
        customer_id: customerId ?? undefined,
      })),
    })

    const order = completeCartWorkflow.runAsStep({
      input: transform({ cart }, ({ cart }) => ({ id: cart.id })),
    })

    const testOrder = createTestOrderRecordStep(
      transform({ input, plan, order, cart, customerId }, ({ input, plan, order, cart, customerId }) => ({
        order_id: order.id,
        placed_by: input.actor_id ?? null,
        customer_id: customerId ?? null,
        generated_customer: plan.generate_customer,
        payment_state: plan.payment,
        cart_id: cart.id,
      }))
    )

    const { data: orders } = useQueryGraphStep({
      entity: "order",
      fields: ["id", "display_id", "payment_collections.payments.id"],
      filters: transform({ order }, ({ order }) => ({ id: order.id })),
      options: { throwIfKeyNotFound: true },
    }).config({ name: "load-placed-order" })

    when("capture-test-payment", { plan }, ({ plan }) => plan.payment === "paid").then(() => {
      capturePaymentWorkflow.runAsStep({
        input: transform({ orders, input }, ({ orders, input }) => ({
          payment_id: ((orders[0]?.payment_collections ?? []) as ({ payments?: ({ id: string } | null)[] | null } | null)[])
            .flatMap((c) => c?.payments ?? [])
            .find((p) => !!p)!.id,
          captured_by: input.actor_id ?? undefined,
        })),
      })
    })

    recordOrderActivityStep(
      transform({ input, testOrder }, ({ input, testOrder }) => [
        {
          order_id: testOrder.order_id,
          kind: "test_order.placed",
          actor_type: input.actor_id ? ("user" as const) : ("system" as const),
          actor_id: input.actor_id ?? null,
          resource_type: "test_order",
          resource_id: testOrder.id,
          data: {
            payment_state: testOrder.payment_state,
            generated_customer: testOrder.generated_customer,
          },
        },
      ])
    )

    emitEventStep({
      eventName: OrderOpsEvents.TEST_ORDER_PLACED,
      data: transform({ testOrder }, ({ testOrder }) => ({ id: testOrder.id, order_id: testOrder.order_id })),
    }).config({ name: "emit-test-order-placed" })

    refreshOrderStatusWorkflow.runAsStep({
      input: transform({ order }, ({ order }) => ({ order_ids: [order.id] })),
    })

    return new WorkflowResponse(
      transform({ testOrder, orders }, ({ testOrder, orders }) => ({
        test_order: { ...testOrder, display_id: Number(orders[0].display_id) },
        order: { id: orders[0].id as string, display_id: Number(orders[0].display_id) },
      }))
    )
  }
)
