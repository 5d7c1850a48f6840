import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { ORDER_CASE_MODULE } from "../../../modules/order-case"
import type OrderCaseModuleService from "../../../modules/order-case/service"
import type { AdminOrderCase } from "../../../types/order-case"

/** @throws MedusaError NOT_FOUND for an unknown order. */
export async function assertOrderFound(scope: MedusaContainer, orderId: string) {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: ["id"], filters: { id: orderId } })
  if (!data.length) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order with id: ${orderId} was not found`)
  }
}

/** An order's case as the admin shows it: active hold, hold history, label and disputes. */
export async function loadOrderCase(scope: MedusaContainer, orderId: string): Promise<AdminOrderCase> {
  const service = scope.resolve<OrderCaseModuleService>(ORDER_CASE_MODULE)
  const [holds, [assignment], disputes] = await Promise.all([
    service.listOrderHolds({ order_id: orderId }, { order: { placed_at: "DESC" } }),
    service.listOrderLabelAssignments({ order_id: orderId }, { take: 1 }),
    service.listDisputes({ order_id: orderId }, { order: { opened_at: "DESC" } }),
  ])
  const [label] = assignment
    ? await service.listOrderLabels({ id: assignment.label_id }, { take: 1, withDeleted: true })
    : []
  const json = <T>(value: unknown) => JSON.parse(JSON.stringify(value)) as T
  return {
    hold: json(holds.find((h) => !h.released_at) ?? null),
    holds: json(holds),
    label: label && assignment
      ? {
          id: label.id,
          name: label.name,
          color: label.color,
          customer_visible: label.customer_visible,
          reference: assignment.reference,
          set_at: json(assignment.set_at),
          set_by: assignment.set_by,
        }
      : null,
    disputes: json(disputes.map((d) => ({ ...d, amount: Number(d.amount) }))),
  }
}
