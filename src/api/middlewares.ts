import { defineMiddlewares } from "@medusajs/framework/http"
import { adminOrderOpsOrderMiddlewares } from "./admin/orders/middlewares"
import { storeOrderOpsOrderMiddlewares } from "./store/orders/middlewares"

export default defineMiddlewares({
  routes: [...adminOrderOpsOrderMiddlewares, ...storeOrderOpsOrderMiddlewares],
})
