import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ORDER_DOCUMENT_MODULE } from "../../../modules/order-document"
import type OrderDocumentModuleService from "../../../modules/order-document/service"
import type { DocumentJobDTO } from "../../../types"

/** Input of {@link createDocumentJobStep}. */
export type CreateDocumentJobStepInput = {
  /** The handler that will do the work, e.g. `export`. */
  kind: string
  /** The handler's validated input. */
  params: Record<string, unknown>
  /** The admin user asking. */
  created_by?: string | null
}

/**
 * Queues one document job (status pending) for the worker's sweep.
 * Compensation deletes it.
 */
export const createDocumentJobStep = createStep(
  "order-ops-create-document-job",
  async (input: CreateDocumentJobStepInput, { container }) => {
    const service = container.resolve<OrderDocumentModuleService>(ORDER_DOCUMENT_MODULE)
    const job = (await service.createDocumentJobs({
      kind: input.kind,
      params: input.params,
      created_by: input.created_by ?? null,
    })) as unknown as DocumentJobDTO
    return new StepResponse(job, job.id)
  },
  async (id, { container }) => {
    if (id) {
      await container.resolve<OrderDocumentModuleService>(ORDER_DOCUMENT_MODULE).deleteDocumentJobs(id)
    }
  }
)
