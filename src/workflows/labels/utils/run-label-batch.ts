import type { MedusaContainer } from "@medusajs/framework/types"
import { ORDER_DOCUMENT_MODULE } from "../../../modules/order-document"
import type OrderDocumentModuleService from "../../../modules/order-document/service"
import type { ClaimedDocumentJob } from "../../../modules/order-document/service"
import { ORDER_STATUS_MODULE } from "../../../modules/order-status"
import type OrderStatusModuleService from "../../../modules/order-status/service"
import type { LabelBatchOutcome, LabelBatchParams, LabelBatchResult, OrderStatusDTO } from "../../../types"
import { exportPages } from "../../order-documents/utils/export-pages"
import { exportQuery } from "../../order-documents/utils/export-params"
import { MAX_BULK_OUTCOMES } from "../../order-documents/utils/bulk-order-actions"
import { buyBatchLabelWorkflow } from "../workflows/buy-batch-label"
import { finishLabelBatchWorkflow } from "../workflows/finish-label-batch"

/** Orders read per keyset page. */
export const LABEL_BATCH_PAGE = 50
/**
 * Orders bought for at once. Each order is its own workflow under its own
 * order lock, so they never contend with each other; the carrier calls and
 * database round trips of a few orders overlap instead of queuing.
 */
export const LABEL_BATCH_CONCURRENCY = 4

/**
 * Works through a claimed label batch in the worker: the selected orders in
 * the list's order, keyset page by keyset page, ONE
 * {@link buyBatchLabelWorkflow} per order (a few orders at a time), so each
 * order is all or nothing (its purchase voids the label when anything after
 * it fails) and one order's error never stops the others — it is recorded
 * with the order. Progress is written after every few orders under the
 * job's fencing token; a canceled or reclaimed batch stops there.
 *
 * Exactly once per order: each order's ledger key is the batch and the
 * order, so a batch reclaimed after its worker died runs again and finds
 * the labels it already bought instead of buying them twice. Finishes
 * through {@link finishLabelBatchWorkflow}: one merged file and every
 * order's outcome.
 *
 * Not a workflow itself: a workflow failing in one order would compensate
 * (void) every other order's label.
 *
 * @returns false when the batch was canceled or taken over meanwhile.
 */
export async function runLabelBatch(
  container: MedusaContainer,
  { job, token }: ClaimedDocumentJob,
  options: { page_size?: number; concurrency?: number } = {}
): Promise<boolean> {
  const jobs = container.resolve<OrderDocumentModuleService>(ORDER_DOCUMENT_MODULE)
  const statuses = container.resolve<OrderStatusModuleService>(ORDER_STATUS_MODULE)
  const params = job.params as unknown as LabelBatchParams
  const query = exportQuery({
    include_test_orders: params.include_test_orders,
    order_ids: params.order_ids,
    filters: params.filters,
  })
  const [, total] = await statuses.listAndCountOrderStatusRows(query.filters, { select: ["id"], take: 1 })
  if (!(await jobs.reportDocumentJobProgress(job.id, token, { done: 0, total }))) {
    return false
  }
  const result: Omit<LabelBatchResult, "labels"> = { done: 0, skipped: 0, failed: 0, orders: [] }
  const labelIds: string[] = []
  const concurrency = Math.max(1, options.concurrency ?? LABEL_BATCH_CONCURRENCY)

  const buy = async (row: OrderStatusDTO): Promise<LabelBatchOutcome> => {
    const base = { order_id: row.order_id, display_id: row.display_id ?? null }
    try {
      const { result: bought } = await buyBatchLabelWorkflow(container).run({
        input: {
          batch_id: job.id,
          order_id: row.order_id,
          parcel_template_id: params.parcel_template_id,
          rule: params.rule,
          carriers: params.carriers,
          label_format: params.label_format,
          location_id: params.location_id ?? null,
          actor_id: job.created_by,
        },
      })
      if (!bought.label_id) {
        return { ...base, status: "skipped", message: bought.skipped, label_id: null }
      }
      return { ...base, status: "done", message: bought.created ? null : "Bought earlier in this batch", label_id: bought.label_id }
    } catch (e) {
      const message = (e as Error)?.message ?? String(e)
      const name = row.display_id ? `#${row.display_id}` : row.order_id
      // The error names the order even when the carrier's message does not.
      return { ...base, status: "failed", message: message.includes(name) ? message : `Order ${name}: ${message}`, label_id: null }
    }
  }

  let done = 0
  for await (const page of exportPages(statuses, query, options.page_size ?? LABEL_BATCH_PAGE)) {
    for (let i = 0; i < page.length; i += concurrency) {
      const outcomes = await Promise.all(page.slice(i, i + concurrency).map(buy))
      for (const outcome of outcomes) {
        result[outcome.status] += 1
        if (outcome.status === "done" && outcome.label_id) {
          labelIds.push(outcome.label_id)
        }
        if (result.orders.length < MAX_BULK_OUTCOMES) {
          result.orders.push(outcome)
        }
      }
      done += outcomes.length
      if (!(await jobs.reportDocumentJobProgress(job.id, token, { done }))) {
        return false
      }
    }
  }
  const { result: completed, errors } = await finishLabelBatchWorkflow(container).run({
    input: { batch_id: job.id, token, label_ids: labelIds, label_format: params.label_format, result, total: done },
    throwOnError: false,
  })
  if (errors.length && !completed) {
    // Canceled or reclaimed meanwhile: the merged file was discarded; the
    // labels stay bought (and shipped), each findable by its batch key.
    const [first] = errors
    if (!/canceled or taken over/.test(String(first?.error?.message ?? ""))) {
      throw first.error
    }
    return false
  }
  return completed
}
