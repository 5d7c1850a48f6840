import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ORDER_DOCUMENT_MODULE } from "../../../modules/order-document"
import type OrderDocumentModuleService from "../../../modules/order-document/service"
import type { DocumentJobDTO } from "../../../types"

/**
 * Cancels a waiting or running job (a running worker stops at its next
 * progress write). Throws NOT_FOUND or NOT_ALLOWED (already finished).
 * Compensation puts the job back as it was.
 */
export const cancelDocumentJobStep = createStep(
  "order-ops-cancel-document-job",
  async (input: { id: string }, { container }) => {
    const service = container.resolve<OrderDocumentModuleService>(ORDER_DOCUMENT_MODULE)
    const { before, after } = await service.cancelDocumentJob(input.id)
    return new StepResponse<DocumentJobDTO, DocumentJobDTO>(after, before)
  },
  async (before, { container }) => {
    if (before) {
      await container.resolve<OrderDocumentModuleService>(ORDER_DOCUMENT_MODULE).restoreDocumentJob(before)
    }
  }
)
