import { defineMiddlewares } from "@medusajs/framework/http"
import { adminOrderOpsOrderMiddlewares } from "./admin/orders/middlewares"
import { adminOrderOpsListMiddlewares } from "./admin/order-ops/orders/middlewares"
import { adminShipmentMiddlewares } from "./admin/shipments/middlewares"
import { adminLabelMiddlewares } from "./admin/labels/middlewares"
import { digitalDeliveryMiddlewares } from "./admin/delivery-products/middlewares"
import { adminTestOrderMiddlewares } from "./admin/test-orders/middlewares"
import { storeOrderOpsOrderMiddlewares } from "./store/orders/middlewares"
import { orderCaseMiddlewares } from "./admin/order-case/middlewares"
import { adminWebhookMiddlewares } from "./admin/order-ops/webhooks/middlewares"
import { adminNotificationSettingsMiddlewares } from "./admin/order-ops/settings/notifications/middlewares"
import { adminOrderOpsExportMiddlewares } from "./admin/order-ops/exports/middlewares"
import { adminPackingSlipBatchMiddlewares } from "./admin/order-ops/packing-slips/middlewares"
import { adminBulkOrderActionMiddlewares } from "./admin/order-ops/bulk/middlewares"
import { adminLabelBatchMiddlewares } from "./admin/order-ops/label-batches/middlewares"
import { adminDocumentSettingsMiddlewares } from "./admin/order-ops/settings/documents/middlewares"
import { storeCartMiddlewares } from "./store/carts/middlewares"

export default defineMiddlewares({
  routes: [
    ...adminOrderOpsOrderMiddlewares,
    ...adminShipmentMiddlewares,
    ...adminOrderOpsListMiddlewares,
    ...storeOrderOpsOrderMiddlewares,
    ...adminTestOrderMiddlewares,
    ...adminLabelMiddlewares,
    ...digitalDeliveryMiddlewares,
    ...orderCaseMiddlewares,
    ...adminWebhookMiddlewares,
    ...adminNotificationSettingsMiddlewares,
    ...adminOrderOpsExportMiddlewares,
    ...adminPackingSlipBatchMiddlewares,
    ...adminBulkOrderActionMiddlewares,
    ...adminLabelBatchMiddlewares,
    ...adminDocumentSettingsMiddlewares,
    ...storeCartMiddlewares,
  ],
})
