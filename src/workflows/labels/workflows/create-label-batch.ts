import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { LabelBatchParams } from "../../../types"
import { createDocumentJobStep } from "../../order-documents/steps/create-document-job"
import { validateLabelBatchStep } from "../steps/validate-label-batch"

/** The document job kind of a label batch. */
export const LABEL_BATCH_KIND = "label_batch"

/** Input of {@link createLabelBatchWorkflow}. */
export type CreateLabelBatchWorkflowInput = {
  /** Validated by the route (`AdminCreateLabelBatch`). */
  params: LabelBatchParams
  /** The admin user asking. */
  created_by?: string | null
}

export const createLabelBatchWorkflowId = "order-ops-create-label-batch"

/**
 * Queues a label batch for the worker: checks what can be checked now (see
 * `validateLabelBatchStep`) and writes the batch as a `label_batch`
 * document job, so the worker's document-job sweep buys its labels under a
 * lease with progress, and cancel and the file come with it. Nothing is
 * bought in the request.
 *
 * @throws MedusaError INVALID_DATA naming the field.
 */
export const createLabelBatchWorkflow = createWorkflow(
  createLabelBatchWorkflowId,
  function (input: CreateLabelBatchWorkflowInput) {
    validateLabelBatchStep(input.params)
    const job = createDocumentJobStep(
      transform({ input }, ({ input }) => ({
        kind: LABEL_BATCH_KIND,
        params: input.params as unknown as Record<string, unknown>,
        created_by: input.created_by ?? null,
      }))
    )
    return new WorkflowResponse(job)
  }
)
