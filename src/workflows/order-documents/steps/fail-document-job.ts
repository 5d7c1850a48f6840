import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ORDER_DOCUMENT_MODULE } from "../../../modules/order-document"
import type OrderDocumentModuleService from "../../../modules/order-document/service"

/** Records why a job failed, only while the caller's fencing token still holds. */
export const failDocumentJobStep = createStep(
  "order-ops-fail-document-job",
  async (input: { job_id: string; token: number; error: string }, { container }) => {
    const service = container.resolve<OrderDocumentModuleService>(ORDER_DOCUMENT_MODULE)
    return new StepResponse(await service.failDocumentJob(input.job_id, input.token, input.error))
  }
)
