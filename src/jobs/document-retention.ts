import type { MedusaContainer } from "@medusajs/framework/types"
import { purgeExpiredDocumentJobsWorkflow } from "../workflows/order-documents/workflows/purge-expired-document-jobs"

/** Days a finished export (and its file) is kept. */
export const DOCUMENT_RETENTION_DAYS = 7

/**
 * Every night: removes exports that finished more than
 * DOCUMENT_RETENTION_DAYS ago, with their files.
 */
export default async function documentRetentionJob(container: MedusaContainer, now: Date = new Date()): Promise<void> {
  const before = new Date(now.getTime() - DOCUMENT_RETENTION_DAYS * 24 * 60 * 60 * 1000)
  await purgeExpiredDocumentJobsWorkflow(container).run({ input: { before } })
}

export const config = {
  name: "order-ops-document-retention",
  schedule: "17 3 * * *",
}
