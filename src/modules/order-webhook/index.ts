import { Module } from "@medusajs/framework/utils"
import OrderWebhookModuleService from "./service"

/** Registration name of the outgoing webhooks module. */
export const ORDER_WEBHOOK_MODULE = "order_webhook"

export default Module(ORDER_WEBHOOK_MODULE, {
  service: OrderWebhookModuleService,
})

export { OrderWebhookModuleService }
export * from "./catalogue"
export * from "./schedule"
