import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ORDER_DOCUMENT_MODULE } from "../../../modules/order-document"
import type OrderDocumentModuleService from "../../../modules/order-document/service"
import type { FinishDocumentJobInput } from "../../../modules/order-document/service"

/** Input of {@link completeDocumentJobStep}. */
export type CompleteDocumentJobStepInput = { job_id: string; token: number; result: FinishDocumentJobInput }

/**
 * Marks a job completed with its file, only while the caller's fencing token
 * still holds: returns false when the job was canceled or reclaimed, and the
 * caller's result is then discarded by the workflow. Last data step of its
 * workflow, so it has nothing to undo.
 */
export const completeDocumentJobStep = createStep(
  "order-ops-complete-document-job",
  async (input: CompleteDocumentJobStepInput, { container }) => {
    const service = container.resolve<OrderDocumentModuleService>(ORDER_DOCUMENT_MODULE)
    const completed = await service.completeDocumentJob(input.job_id, input.token, input.result)
    return new StepResponse(completed)
  }
)
