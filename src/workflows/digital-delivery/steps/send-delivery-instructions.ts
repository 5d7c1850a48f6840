import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ORDER_OPS_SETTINGS_MODULE, type OrderOpsSettingsModuleService } from "../../../modules/order-ops-settings"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { DIGITAL_DELIVERY_MODULE } from "../../../modules/digital-delivery"
import type DigitalDeliveryModuleService from "../../../modules/digital-delivery/service"
import { mayNotifyAboutOrder } from "../../test-orders/utils/test-order-rules"
import { deliveryContext } from "../utils/attempt-delivery"
import { deliveryRuntime, downloadPath } from "../utils/delivery-runtime"
import { loadDeliveryOrder } from "../utils/order-context"
import type { DeliveryDTO, DeliveryProductDTO } from "../utils/types"

export type DeliveryInstructions = {
  order_id: string
  display_id: number | null
  email: string | null
  /** One line per delivered item, written by its delivery method. */
  items: { delivery_id: string; title: string; method: string; text: string }[]
  downloads: { delivery_id: string; title: string; filename: string | null; url: string; expires_at: string; remaining_downloads: number }[]
  codes: { delivery_id: string; title: string; codes: string[] }[]
  notes: { delivery_id: string; title: string; notes: string | null; redemption_code: string | null }[]
}

export { downloadPath }

/**
 * What a customer needs to use their digital items, each item described by
 * its delivery method (`DeliveryMethod.instructions`: its sentence, download
 * links — fresh ones when asked, retiring the old — or license codes), plus
 * the staff's delivery notes and redemption codes.
 */
export async function buildDeliveryInstructions(
  container: Parameters<Parameters<typeof createStep>[1]>[1]["container"],
  orderId: string,
  options: { fresh_links: boolean; delivery_ids?: string[] }
): Promise<DeliveryInstructions | null> {
  const service = container.resolve<DigitalDeliveryModuleService>(DIGITAL_DELIVERY_MODULE)
  const order = await loadDeliveryOrder(container, orderId)
  if (!order) {
    return null
  }
  const deliveries = ((await service.listDeliveries({ order_id: orderId })) as unknown as DeliveryDTO[]).filter(
    (d) => d.status === "delivered" && (!options.delivery_ids || options.delivery_ids.includes(d.id))
  )
  const methods = service.getMethods()
  const runtime = deliveryRuntime(service)
  const productIds = [...new Set(deliveries.map((d) => d.delivery_product_id).filter((id): id is string => !!id))]
  const products = productIds.length
    ? ((await service.listDeliveryProducts({ id: productIds }, { withDeleted: true })) as unknown as DeliveryProductDTO[])
    : []
  const settingsOf = new Map(products.map((p) => [p.id, p.settings as unknown as Record<string, unknown>]))
  const result: DeliveryInstructions = {
    order_id: orderId,
    display_id: order.display_id,
    email: order.email,
    items: [],
    downloads: [],
    codes: [],
    notes: [],
  }
  for (const delivery of deliveries) {
    const settings = delivery.delivery_product_id ? settingsOf.get(delivery.delivery_product_id) : undefined
    if (settings) {
      const method = methods.get(delivery.method)
      const part = await method.instructions(settings as never, deliveryContext(delivery, order, 0), runtime, { fresh: options.fresh_links })
      result.items.push({ delivery_id: delivery.id, title: delivery.title, method: delivery.method, text: part.text })
      for (const link of part.downloads ?? []) {
        result.downloads.push({ delivery_id: delivery.id, title: delivery.title, ...link })
      }
      if (part.codes?.length) {
        result.codes.push({ delivery_id: delivery.id, title: delivery.title, codes: part.codes })
      }
    }
    if (delivery.notes || delivery.redemption_code) {
      result.notes.push({ delivery_id: delivery.id, title: delivery.title, notes: delivery.notes, redemption_code: delivery.redemption_code })
    }
  }
  return result
}

export const sendDeliveryInstructionsStepId = "order-ops-send-delivery-instructions"

/**
 * Emails the customer their delivery instructions through Medusa's
 * notification module (template `digital_delivery.instructions_template`),
 * once per key. Test orders follow the test-order notification rule. Logs a
 * `resend` attempt on each delivery concerned.
 */
export const sendDeliveryInstructionsStep = createStep(
  sendDeliveryInstructionsStepId,
  async (
    input: { order_id: string; idempotency_key: string; fresh_links: boolean; delivery_ids?: string[]; actor_id?: string | null },
    { container }
  ) => {
    const service = container.resolve<DigitalDeliveryModuleService>(DIGITAL_DELIVERY_MODULE)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const instructions = await buildDeliveryInstructions(container, input.order_id, {
      fresh_links: input.fresh_links,
      delivery_ids: input.delivery_ids,
    })
    if (!instructions || !instructions.email) {
      return new StepResponse({ sent: false, reason: "no email address", instructions })
    }
    if (!instructions.downloads.length && !instructions.codes.length && !instructions.notes.length) {
      return new StepResponse({ sent: false, reason: "nothing to send", instructions })
    }
    const { data: flags } = await query.graph({ entity: "test_order", fields: ["generated_customer"], filters: { order_id: input.order_id } })
    const options = service.getOptions()
    if (!mayNotifyAboutOrder((flags[0] as { generated_customer?: boolean } | undefined) ?? null, instructions.email, options)) {
      return new StepResponse({ sent: false, reason: "test order: notifications go to the test customer only", instructions })
    }
    const dd = options.digital_delivery
    const setting = (await container.resolve<OrderOpsSettingsModuleService>(ORDER_OPS_SETTINGS_MODULE).getNotificationSettings()).customer.digital_delivery_instructions
    if (!setting.enabled) return new StepResponse({ sent: false, reason: "switched off in Settings → Notifications", instructions })
    await container.resolve(Modules.NOTIFICATION).createNotifications({
      to: instructions.email,
      channel: dd.channel,
      template: setting.template,
      trigger_type: "order_ops.delivery.instructions",
      resource_id: input.order_id,
      resource_type: "order",
      idempotency_key: input.idempotency_key,
      data: instructions as unknown as Record<string, unknown>,
    })
    const ids = new Set([...instructions.downloads, ...instructions.codes, ...instructions.notes].map((x) => x.delivery_id))
    for (const delivery_id of ids) {
      await service.createDeliveryAttempts({
        delivery_id,
        kind: "resend",
        attempt: 0,
        outcome: "delivered",
        message: `Delivery instructions emailed to ${instructions.email}`,
        actor_id: input.actor_id ?? null,
      })
    }
    return new StepResponse({ sent: true, reason: "sent", instructions })
  }
)
