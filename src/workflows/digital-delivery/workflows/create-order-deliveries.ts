import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { createOrderDeliveriesStep } from "../steps/create-order-deliveries"

export const createOrderDeliveriesWorkflowId = "order-ops-create-order-deliveries"

/**
 * Creates the deliveries of a paid order's digital items (see
 * `createOrderDeliveriesStep`). Run on `payment.captured`; the subscriber
 * then attempts each one at once, and the sweep job retries. Locked on the
 * order id, like Medusa's own order workflows, so a test order being
 * deleted gets no deliveries half-way (the delete holds that lock).
 */
export const createOrderDeliveriesWorkflow = createWorkflow(
  createOrderDeliveriesWorkflowId,
  function (input: { order_id: string }) {
    const key = transform({ input }, ({ input }) => input.order_id)
    acquireLockStep({ key, timeout: 30, ttl: 60 })
    const result = createOrderDeliveriesStep(input)
    releaseLockStep({ key })
    return new WorkflowResponse(result)
  }
)
