import type { MedusaContainer } from "@medusajs/framework/types"
import type { ClaimedDocumentJob } from "../../../modules/order-document/service"
import { runOrderExportWorkflow } from "../workflows/run-order-export"
import { runPackingSlipBatchWorkflow } from "../workflows/run-packing-slip-batch"

/** Options the sweep passes to every handler. */
export type DocumentJobRunOptions = { page_size?: number }

/**
 * The registry of document job kinds: each runs ONE workflow for a claimed
 * job. Bulk packing slips, bulk invoices and bulk mark-as-shipped register
 * here with their own workflow; the claim, lease, progress, cancel and
 * retention machinery is shared.
 */
export const DOCUMENT_JOB_HANDLERS: Record<
  string,
  (container: MedusaContainer, claimed: ClaimedDocumentJob, options: DocumentJobRunOptions) => Promise<unknown>
> = {
  export: async (container, { job, token }, options) =>
    await runOrderExportWorkflow(container).run({ input: { job, token, page_size: options.page_size } }),
  packing_slips: async (container, { job, token }, options) =>
    await runPackingSlipBatchWorkflow(container).run({ input: { job, token, page_size: options.page_size } }),
}
