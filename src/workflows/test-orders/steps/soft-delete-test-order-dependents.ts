import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { Modules } from "@medusajs/framework/utils"
import type { TestOrderDeletionPlan } from "./load-test-orders-for-deletion"

export const softDeleteTestOrderDependentsStepId = "order-ops-soft-delete-test-order-dependents"

/**
 * Soft-deletes, through Medusa's own module services, what hangs off test
 * orders: payment collections (with their payments and sessions), carts and
 * the generated test customers. Compensation restores them. (Fulfillments
 * have no soft delete; the final step removes them.)
 */
export const softDeleteTestOrderDependentsStep = createStep(
  softDeleteTestOrderDependentsStepId,
  async (plan: TestOrderDeletionPlan, { container }) => {
    const payment = container.resolve(Modules.PAYMENT)
    const cart = container.resolve(Modules.CART)
    const customer = container.resolve(Modules.CUSTOMER)
    if (plan.payment_collection_ids.length) {
      await payment.softDeletePaymentCollections(plan.payment_collection_ids)
    }
    if (plan.cart_ids.length) {
      await cart.softDeleteCarts(plan.cart_ids)
    }
    if (plan.customer_ids.length) {
      await customer.softDeleteCustomers(plan.customer_ids)
    }
    return new StepResponse(undefined, plan)
  },
  async (plan, { container }) => {
    if (!plan) {
      return
    }
    if (plan.payment_collection_ids.length) {
      await container.resolve(Modules.PAYMENT).restorePaymentCollections(plan.payment_collection_ids)
    }
    if (plan.cart_ids.length) {
      await container.resolve(Modules.CART).restoreCarts(plan.cart_ids)
    }
    if (plan.customer_ids.length) {
      await container.resolve(Modules.CUSTOMER).restoreCustomers(plan.customer_ids)
    }
  }
)
