import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ORDER_DOCUMENT_MODULE } from "../../../modules/order-document"
import type OrderDocumentModuleService from "../../../modules/order-document/service"
import type { ClaimedDocumentJob } from "../../../modules/order-document/service"

/**
 * Claims the oldest waiting job of the given kinds (or one whose worker
 * died), under a new lease and fencing token; null when there is none. No
 * compensation: an unused claim simply expires and the next sweep takes it.
 */
export const claimDocumentJobStep = createStep(
  "order-ops-claim-document-job",
  async (input: { kinds: string[] }, { container }) => {
    const service = container.resolve<OrderDocumentModuleService>(ORDER_DOCUMENT_MODULE)
    const claimed: ClaimedDocumentJob | null = await service.claimNextDocumentJob(input.kinds)
    return new StepResponse(claimed)
  }
)
