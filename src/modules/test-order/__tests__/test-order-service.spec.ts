import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { TEST_ORDER_MODULE } from ".."
import { TestOrder } from "../models"
import type TestOrderModuleService from "../service"

jest.setTimeout(60 * 1000)

const row = (order_id: string) => ({
  order_id,
  placed_by: "user_1",
  customer_id: "cus_1",
  generated_customer: true,
  payment_state: "paid" as const,
  cart_id: "cart_1",
})

moduleIntegrationTestRunner<TestOrderModuleService>({
  moduleName: TEST_ORDER_MODULE,
  resolve: "./src/modules/test-order",
  moduleModels: [TestOrder],
  testSuite: ({ service }) => {
    describe("TestOrderModuleService", () => {
      it("records a test order with a tord id", async () => {
        const created = await service.createTestOrders(row("order_1"))
        expect(created.id).toMatch(/^tord_/)
        expect(created).toMatchObject({ order_id: "order_1", generated_customer: true, payment_state: "paid" })
      })

      it("allows one row per order", async () => {
        await service.createTestOrders(row("order_1"))
        await expect(service.createTestOrders(row("order_1"))).rejects.toThrow()
      })

      it("refuses an unknown payment state", async () => {
        await expect(
          service.createTestOrders({ ...row("order_2"), payment_state: "free" as unknown as "paid" })
        ).rejects.toThrow()
      })

      it("soft-deletes and restores", async () => {
        const created = await service.createTestOrders(row("order_3"))
        await service.softDeleteTestOrders([created.id])
        expect(await service.listTestOrders({ order_id: "order_3" })).toHaveLength(0)
        await service.restoreTestOrders([created.id])
        expect(await service.listTestOrders({ order_id: "order_3" })).toHaveLength(1)
      })
    })
  },
})
