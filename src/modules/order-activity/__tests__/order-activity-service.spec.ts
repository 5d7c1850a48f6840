import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { MedusaError } from "@medusajs/framework/utils"
import { ORDER_ACTIVITY_MODULE } from ".."
import { OrderActivity } from "../models"
import type OrderActivityModuleService from "../service"

jest.setTimeout(60 * 1000)

moduleIntegrationTestRunner<OrderActivityModuleService>({
  moduleName: ORDER_ACTIVITY_MODULE,
  resolve: "./src/modules/order-activity",
  moduleModels: [OrderActivity],
  testSuite: ({ service }) => {
    describe("OrderActivityModuleService", () => {
      it("records entries with an actor, a resource and data", async () => {
        const [entry] = await service.createOrderActivities([
          {
            order_id: "order_1",
            kind: "note.created",
            actor_type: "user",
            actor_id: "user_1",
            resource_type: "order_note",
            resource_id: "onote_1",
            data: { excerpt: "hello" },
            occurred_at: new Date("2041-01-01T00:00:00.000Z"),
          },
        ])
        expect(entry.id).toMatch(/^oact_/)
        expect(entry).toMatchObject({ actor_type: "user", data: { excerpt: "hello" } })
      })

      it("defaults the actor to the system", async () => {
        const [entry] = await service.createOrderActivities([
          { order_id: "order_1", kind: "x", occurred_at: new Date() },
        ])
        expect(entry.actor_type).toBe("system")
      })

      it("refuses an unknown actor type", async () => {
        const error = await service
          .createOrderActivities([
            // A value outside the enum must be refused by the database check.
            { order_id: "o", kind: "x", occurred_at: new Date(), actor_type: "robot" as "system" },
          ])
          .catch((e) => e)
        expect(error).toBeInstanceOf(Error)
        expect(await service.listOrderActivities({ order_id: "o" })).toHaveLength(0)
      })

      it("is append-only: updates are refused", async () => {
        const [entry] = await service.createOrderActivities([
          { order_id: "order_3", kind: "x", occurred_at: new Date() },
        ])
        const error = await service.updateOrderActivities({ id: entry.id, kind: "y" }).catch((e) => e)
        expect(error).toBeInstanceOf(MedusaError)
        expect(error.type).toBe(MedusaError.Types.NOT_ALLOWED)
        expect((await service.retrieveOrderActivity(entry.id)).kind).toBe("x")
      })

      it("pages an order's entries newest first", async () => {
        await service.createOrderActivities(
          [1, 2, 3, 4, 5].map((day) => ({
            order_id: "order_4",
            kind: `k${day}`,
            occurred_at: new Date(`2041-01-0${day}T00:00:00.000Z`),
          }))
        )
        const [page, count] = await service.listAndCountOrderActivities(
          { order_id: "order_4" },
          { take: 2, order: { occurred_at: "DESC" } }
        )
        expect(count).toBe(5)
        expect(page.map((e) => e.kind)).toEqual(["k5", "k4"])
      })
    })
  },
})
