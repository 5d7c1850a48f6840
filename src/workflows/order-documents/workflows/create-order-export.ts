import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { ExportParams } from "../utils/export-params"
import { createDocumentJobStep } from "../steps/create-document-job"

export const createOrderExportWorkflowId = "order-ops-create-order-export"

/** Input of {@link createOrderExportWorkflow}. */
export type CreateOrderExportWorkflowInput = {
  /** Validated by `ExportParamsSchema` (the list's filters, format, shape, columns). */
  params: ExportParams
  /** The admin user asking. */
  created_by?: string | null
}

/**
 * Queues an order export for the worker: nothing is read or written in the
 * request. The document-job sweep picks it up within a minute.
 */
export const createOrderExportWorkflow = createWorkflow(
  createOrderExportWorkflowId,
  function (input: CreateOrderExportWorkflowInput) {
    const job = createDocumentJobStep(
      transform({ input }, ({ input }) => ({
        kind: "export",
        params: input.params as unknown as Record<string, unknown>,
        created_by: input.created_by ?? null,
      }))
    )
    return new WorkflowResponse(job)
  }
)

export const createDocumentJobWorkflowId = "order-ops-create-document-job"

/**
 * Queues any kind of document job (bulk packing slips…) for the worker's
 * sweep; `params` were validated by the route for that kind.
 */
export const createDocumentJobWorkflow = createWorkflow(
  createDocumentJobWorkflowId,
  function (input: { kind: string; params: Record<string, unknown>; created_by?: string | null }) {
    return new WorkflowResponse(createDocumentJobStep(input))
  }
)
