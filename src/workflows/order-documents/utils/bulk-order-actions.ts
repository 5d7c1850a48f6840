import type { MedusaContainer } from "@medusajs/framework/types"
import { ORDER_DOCUMENT_MODULE } from "../../../modules/order-document"
import type OrderDocumentModuleService from "../../../modules/order-document/service"
import type { ClaimedDocumentJob } from "../../../modules/order-document/service"
import { ORDER_STATUS_MODULE } from "../../../modules/order-status"
import type OrderStatusModuleService from "../../../modules/order-status/service"
import type { BulkOrderActionResult, BulkOrderOutcome } from "../../../types"
import { issueInvoiceWorkflow } from "../workflows/issue-invoice"
import { finishBulkOrderActionWorkflow } from "../workflows/finish-bulk-order-action"
import { markOrderAsShippedWorkflow } from "../../shipments/workflows/mark-order-as-shipped"
import { exportPages } from "./export-pages"
import { exportQuery, OrderSelectionParamsSchema } from "./export-params"

/** Orders read per keyset page. */
export const BULK_ORDER_PAGE = 50
/** Outcomes kept on the job (counts are always complete). */
export const MAX_BULK_OUTCOMES = 1000

/** One order's work in a bulk action: runs ONE workflow for the order. */
export type BulkOrderAction = {
  /** The admin feed's title once done. */
  title: string
  run: (
    container: MedusaContainer,
    order_id: string,
    actor_id: string | null
  ) => Promise<{ status: "done" | "skipped"; message: string | null }>
}

/** The bulk order actions, by document job kind. */
export const BULK_ORDER_ACTIONS: Record<"issue_invoices" | "mark_shipped", BulkOrderAction> = {
  issue_invoices: {
    title: "Invoices issued",
    run: async (container, order_id) => {
      const { result } = await issueInvoiceWorkflow(container).run({ input: { order_id } })
      return result.created
        ? { status: "done", message: result.display_number }
        : { status: "skipped", message: `Already has invoice ${result.display_number}` }
    },
  },
  mark_shipped: {
    title: "Orders marked as shipped",
    run: async (container, order_id, actor_id) => {
      const { result } = await markOrderAsShippedWorkflow(container).run({ input: { order_id, actor_id } })
      return result.skipped ? { status: "skipped", message: result.skipped } : { status: "done", message: result.shipment_id }
    },
  },
}

/**
 * Works through a claimed bulk order action (issue invoices, mark as
 * shipped) in the worker: the selected orders in the list's order, keyset
 * page by keyset page, ONE workflow per order, so each order is all or
 * nothing (its workflow compensates) and one order's error never stops the
 * others — it is recorded with the order. Progress is written after every
 * order under the job's fencing token (the module's lease-checked UPDATE,
 * as the export step does); a canceled or reclaimed job stops at once.
 * Both actions are idempotent per order (an order keeps its invoice; an
 * order shipped already has nothing left), so a job reclaimed after its
 * worker died simply runs again. Finishes through
 * {@link finishBulkOrderActionWorkflow} with the per-order outcome.
 *
 * Not a workflow itself: a workflow failing in one order would compensate
 * every other order's work.
 */
export async function runBulkOrderAction(
  container: MedusaContainer,
  { job, token }: ClaimedDocumentJob,
  action: BulkOrderAction,
  options: { page_size?: number } = {}
): Promise<boolean> {
  const jobs = container.resolve<OrderDocumentModuleService>(ORDER_DOCUMENT_MODULE)
  const statuses = container.resolve<OrderStatusModuleService>(ORDER_STATUS_MODULE)
  const query = exportQuery(OrderSelectionParamsSchema.parse(job.params))
  const [, total] = await statuses.listAndCountOrderStatusRows(query.filters, { select: ["id"], take: 1 })
  if (!(await jobs.reportDocumentJobProgress(job.id, token, { done: 0, total }))) {
    return false
  }
  const result: BulkOrderActionResult = { done: 0, skipped: 0, failed: 0, orders: [] }
  let done = 0
  for await (const page of exportPages(statuses, query, options.page_size ?? BULK_ORDER_PAGE)) {
    for (const row of page) {
      let outcome: BulkOrderOutcome
      try {
        const r = await action.run(container, row.order_id, job.created_by)
        outcome = { order_id: row.order_id, display_id: row.display_id ?? null, status: r.status, message: r.message }
      } catch (e) {
        outcome = { order_id: row.order_id, display_id: row.display_id ?? null, status: "failed", message: (e as Error)?.message ?? String(e) }
      }
      result[outcome.status] += 1
      if (result.orders.length < MAX_BULK_OUTCOMES) {
        result.orders.push(outcome)
      }
      done += 1
      if (!(await jobs.reportDocumentJobProgress(job.id, token, { done }))) {
        return false
      }
    }
  }
  const { result: completed } = await finishBulkOrderActionWorkflow(container).run({
    input: { job_id: job.id, token, title: action.title, result, total: done },
  })
  return completed
}
