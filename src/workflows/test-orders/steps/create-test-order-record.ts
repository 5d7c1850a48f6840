import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { TEST_ORDER_MODULE } from "../../../modules/test-order"
import type TestOrderModuleService from "../../../modules/test-order/service"
import type { TestOrderDTO } from "../../../types/test-order"

/** Input of {@link createTestOrderRecordStep}. */
export type CreateTestOrderRecordStepInput = {
  order_id: string
  placed_by: string | null
  customer_id: string | null
  generated_customer: boolean
  payment_state: "paid" | "unpaid"
  cart_id: string | null
}

export const createTestOrderRecordStepId = "order-ops-create-test-order-record"

/** Flags an order as a test order. Compensation deletes the row. */
export const createTestOrderRecordStep = createStep(
  createTestOrderRecordStepId,
  async (input: CreateTestOrderRecordStepInput, { container }) => {
    const service: TestOrderModuleService = container.resolve(TEST_ORDER_MODULE)
    const created = (await service.createTestOrders(input)) as unknown as TestOrderDTO
    return new StepResponse(created, created.id)
  },
  async (id, { container }) => {
    if (!id) {
      return
    }
    const service: TestOrderModuleService = container.resolve(TEST_ORDER_MODULE)
    await service.deleteTestOrders(id)
  }
)
