import { MedusaService } from "@medusajs/framework/utils"
import { TestOrder } from "./models"

/**
 * Owns the `test_order` table: which orders are test orders, who placed
 * them and with which generated customer. It never touches the orders
 * themselves; placing and deleting are workflows.
 */
class TestOrderModuleService extends MedusaService({ TestOrder }) {}

export default TestOrderModuleService
