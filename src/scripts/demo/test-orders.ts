/** Test orders placed through `placeTestOrderWorkflow`. */
import { TEST_ORDER_MODULE } from "../../modules/test-order"
import type TestOrderModuleService from "../../modules/test-order/service"
import { placeTestOrderWorkflow } from "../../workflows/test-orders/workflows/place-test-order"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

/**
 * Places two test orders (one paid, one unpaid; random physical + digital
 * mix, generated test customers) through `placeTestOrderWorkflow`, unless
 * test orders exist already. Idempotent.
 *
 * @returns the order ids placed this run.
 */
export async function seedDemoTestOrders(
  container: MedusaContainer,
  actorId: string | null = null
): Promise<string[]> {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const testOrders: TestOrderModuleService = container.resolve(TEST_ORDER_MODULE)
  const [existing] = await testOrders.listTestOrders({}, { take: 1, select: ["id"] })
  if (existing) {
    logger.info("Test orders already exist; not placing new ones.")
    return []
  }
  const placed: string[] = []
  for (const payment of ["paid", "unpaid"] as const) {
    const { result } = await placeTestOrderWorkflow(container).run({
      input: { payment, actor_id: actorId },
    })
    placed.push(result.order.id)
    logger.info(`  test order #${result.order.display_id} (${payment})`)
  }
  return placed
}
