import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ORDER_DOCUMENT_MODULE } from "../../../modules/order-document"
import type OrderDocumentModuleService from "../../../modules/order-document/service"

/** Jobs removed per retention run; the rest go the next day. */
export const DOCUMENT_RETENTION_BATCH = 500

/**
 * Removes finished jobs older than `before` with their files: the file
 * first, then the row (soft delete), so a crash in between leaves a row that
 * the next run removes again. Not compensable: a deleted file cannot come back.
 */
export const purgeExpiredDocumentJobsStep = createStep(
  "order-ops-purge-expired-document-jobs",
  async (input: { before: Date }, { container }) => {
    const service = container.resolve<OrderDocumentModuleService>(ORDER_DOCUMENT_MODULE)
    const files = container.resolve(Modules.FILE)
    const expired = await service.listExpiredDocumentJobs(input.before, DOCUMENT_RETENTION_BATCH)
    const keys = expired.map((j) => j.file_key).filter((k): k is string => !!k)
    if (keys.length) {
      await files.deleteFiles(keys)
    }
    if (expired.length) {
      await service.softDeleteDocumentJobs(expired.map((j) => j.id))
    }
    return new StepResponse({ removed: expired.map((j) => j.id) })
  }
)
