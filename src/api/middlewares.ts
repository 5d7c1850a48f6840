import { defineMiddlewares } from "@medusajs/framework/http"
import { adminOrderOpsOrderMiddlewares } from "./admin/orders/middlewares"
import { adminOrderOpsListMiddlewares } from "./admin/order-ops/orders/middlewares"
import { adminShipmentMiddlewares } from "./admin/shipments/middlewares"
import { adminLabelMiddlewares } from "./admin/labels/middlewares"
import { adminParcelTemplateMiddlewares } from "./admin/parcel-templates/middlewares"
import { carrierHookMiddlewares } from "./hooks/carriers/middlewares"
import { adminDeliveryProductMiddlewares } from "./admin/delivery-products/middlewares"
import { adminLicensePoolMiddlewares } from "./admin/license-pools/middlewares"
import { adminDeliveryMiddlewares } from "./admin/deliveries/middlewares"
import { adminTestOrderMiddlewares } from "./admin/test-orders/middlewares"
import { storeOrderOpsOrderMiddlewares } from "./store/orders/middlewares"
import { orderCaseMiddlewares } from "./admin/order-case/middlewares"
import { adminOrderLabelMiddlewares } from "./admin/order-labels/middlewares"
import { adminDisputeMiddlewares } from "./admin/disputes/middlewares"
import { adminOrderExceptionMiddlewares } from "./admin/order-ops/exceptions/middlewares"
import { stripeHookMiddlewares } from "./hooks/order-ops/stripe/middlewares"
import { adminWebhookMiddlewares } from "./admin/order-ops/webhooks/middlewares"
import { adminNotificationSettingsMiddlewares } from "./admin/order-ops/settings/notifications/middlewares"
import { adminOrderOpsExportMiddlewares } from "./admin/order-ops/exports/middlewares"
import { adminPackingSlipBatchMiddlewares } from "./admin/order-ops/packing-slips/middlewares"
import { adminBulkOrderActionMiddlewares } from "./admin/order-ops/bulk/middlewares"
import { adminLabelBatchMiddlewares } from "./admin/order-ops/label-batches/middlewares"
import { adminDocumentSettingsMiddlewares } from "./admin/order-ops/settings/documents/middlewares"
import { storeCartMiddlewares } from "./store/carts/middlewares"

/**
 * Every route folder that needs middlewares owns a `middlewares.ts` for its own
 * routes; this file only composes them. Medusa sorts these by matcher, so the
 * order here does not decide which runs first; the `/hooks` raw-body parsers are
 * body parser settings that Medusa applies before any JSON parsing.
 */
export default defineMiddlewares({
  routes: [
    ...adminOrderOpsOrderMiddlewares,
    ...adminShipmentMiddlewares,
    ...adminOrderOpsListMiddlewares,
    ...storeOrderOpsOrderMiddlewares,
    ...adminTestOrderMiddlewares,
    ...adminLabelMiddlewares,
    ...adminParcelTemplateMiddlewares,
    ...carrierHookMiddlewares,
    ...adminDeliveryProductMiddlewares,
    ...adminLicensePoolMiddlewares,
    ...adminDeliveryMiddlewares,
    ...orderCaseMiddlewares,
    ...adminOrderLabelMiddlewares,
    ...adminDisputeMiddlewares,
    ...adminOrderExceptionMiddlewares,
    ...stripeHookMiddlewares,
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
