import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ORDER_CASE_MODULE } from "../../../modules/order-case"
import type OrderCaseModuleService from "../../../modules/order-case/service"
import { summarizeOrderCase, type OrderCaseSummary } from "../utils/order-case-summary"

export const loadOrderCaseSummariesStepId = "order-ops-load-order-case-summaries"

/**
 * Loads the case (active hold, label, disputes) of each order, four queries
 * whatever the number of orders, and summarises it for the order's
 * `order_status` row. Every order id gets a summary, so a released hold or
 * a removed label clears its columns. Reads only.
 */
export const loadOrderCaseSummariesStep = createStep(
  loadOrderCaseSummariesStepId,
  async (input: { order_ids: string[] }, { container }) => {
    const result: Record<string, OrderCaseSummary> = {}
    if (!input.order_ids.length) {
      return new StepResponse(result)
    }
    const service = container.resolve<OrderCaseModuleService>(ORDER_CASE_MODULE)
    const [holds, assignments, disputes] = await Promise.all([
      service.listOrderHolds({ order_id: input.order_ids, released_at: null }),
      service.listOrderLabelAssignments({ order_id: input.order_ids }),
      service.listDisputes(
        { order_id: input.order_ids },
        { select: ["order_id", "status", "amount", "evidence_due_by", "opened_at"] }
      ),
    ])
    const labelIds = [...new Set(assignments.map((a) => a.label_id))]
    const labels = labelIds.length ? await service.listOrderLabels({ id: labelIds }) : []
    const labelById = new Map(labels.map((l) => [l.id, l]))
    for (const orderId of input.order_ids) {
      const hold = holds.find((h) => h.order_id === orderId)
      const assignment = assignments.find((a) => a.order_id === orderId)
      const label = assignment ? labelById.get(assignment.label_id) : undefined
      result[orderId] = summarizeOrderCase({
        hold: hold ? { reason: hold.reason, placed_at: hold.placed_at } : null,
        label: label ? { id: label.id, name: label.name, color: label.color } : null,
        disputes: disputes
          .filter((d) => d.order_id === orderId)
          .map((d) => ({
            status: d.status,
            amount: d.amount as unknown as number,
            evidence_due_by: d.evidence_due_by,
            opened_at: d.opened_at,
          })),
      })
    }
    return new StepResponse(result)
  }
)
