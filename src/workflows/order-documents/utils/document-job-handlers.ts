import type { MedusaContainer } from "@medusajs/framework/types"
import type { ClaimedDocumentJob } from "../../../modules/order-document/service"
import { runOrderExportWorkflow } from "../workflows/run-order-export"
import { runPackingSlipBatchWorkflow } from "../workflows/run-packing-slip-batch"
import { BULK_ORDER_ACTIONS, runBulkOrderAction } from "./bulk-order-actions"
import { runLabelBatch } from "../../labels/utils/run-label-batch"

/** Options the sweep passes to every handler. */
export type DocumentJobRunOptions = { page_size?: number; /** Orders a label batch buys for at once. */ concurrency?: number }

/**
 * The registry of document job kinds: each runs its workflow for a claimed
 * job (bulk order actions: one workflow per order). The claim, lease,
 * progress, cancel and retention machinery is shared.
 */
export const DOCUMENT_JOB_HANDLERS: Record<
  string,
  (container: MedusaContainer, claimed: ClaimedDocumentJob, options: DocumentJobRunOptions) => Promise<unknown>
> = {
  export: async (container, { job, token }, options) =>
    await runOrderExportWorkflow(container).run({ input: { job, token, page_size: options.page_size } }),
  packing_slips: async (container, { job, token }, options) =>
    await runPackingSlipBatchWorkflow(container).run({ input: { job, token, page_size: options.page_size } }),
  // Bulk order actions run one workflow per order (see runBulkOrderAction).
  issue_invoices: async (container, claimed, options) =>
    await runBulkOrderAction(container, claimed, BULK_ORDER_ACTIONS.issue_invoices, options),
  mark_shipped: async (container, claimed, options) =>
    await runBulkOrderAction(container, claimed, BULK_ORDER_ACTIONS.mark_shipped, options),
  // A label batch buys one label per order through the single purchase path, then merges the files.
  label_batch: async (container, claimed, options) => await runLabelBatch(container, claimed, options),
}
