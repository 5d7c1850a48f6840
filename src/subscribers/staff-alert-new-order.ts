import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys, OrderWorkflowEvents } from "@medusajs/framework/utils"
import { sendStaffAlertWorkflow } from "../workflows/order-ops-settings/workflows/send-staff-alert"

/**
 * A new order: alert every staff address listed under "New order" in
 * Settings → Notifications (once per address). Test orders do not alert.
 */
export default async function staffAlertNewOrder({ event, container }: SubscriberArgs<{ id: string }>) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: ["id", "display_id", "email", "currency_code", "total", "test_order.id"],
    filters: { id: event.data.id },
  })
  const order = data[0] as unknown as { id: string; display_id: number; email: string | null; currency_code: string; total: unknown; test_order?: { id: string } | null } | undefined
  if (!order || order.test_order?.id) {
    return
  }
  await sendStaffAlertWorkflow(container).run({
    input: {
      kind: "new_order",
      resource_type: "order",
      resource_id: order.id,
      data: { order_id: order.id, display_id: order.display_id, email: order.email, currency_code: order.currency_code, total: Number(order.total ?? 0) },
    },
  })
}

export const config: SubscriberConfig = {
  event: OrderWorkflowEvents.PLACED,
  context: { subscriberId: "order-ops-staff-alert-new-order" },
}
