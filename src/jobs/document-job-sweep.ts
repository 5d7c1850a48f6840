import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import {
  DOCUMENT_JOB_HANDLERS,
  type DocumentJobRunOptions,
} from "../workflows/order-documents/utils/document-job-handlers"
import { claimDocumentJobWorkflow } from "../workflows/order-documents/workflows/claim-document-job"
import { failDocumentJobWorkflow } from "../workflows/order-documents/workflows/fail-document-job"

/** Jobs one sweep works through, one after another; the rest wait for the next minute. */
export const DOCUMENT_JOB_SWEEP_BATCH = 5

/**
 * Works through waiting document jobs (exports…) in this worker, one at a
 * time: claims the oldest under a lease (or one whose worker died and whose
 * lease expired), runs its kind's workflow, and records a failure under the
 * same fencing token. Several workers, or overlapping minutes, never share a
 * job: the claim is one conditional UPDATE with SKIP LOCKED.
 */
export async function runDocumentJobs(
  container: MedusaContainer,
  options: DocumentJobRunOptions & { max_jobs?: number } = {}
): Promise<{ ran: string[] }> {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const ran: string[] = []
  while (ran.length < (options.max_jobs ?? DOCUMENT_JOB_SWEEP_BATCH)) {
    const { result: claimed } = await claimDocumentJobWorkflow(container).run({
      input: { kinds: Object.keys(DOCUMENT_JOB_HANDLERS) },
    })
    if (!claimed) {
      break
    }
    ran.push(claimed.job.id)
    try {
      await DOCUMENT_JOB_HANDLERS[claimed.job.kind](container, claimed, options)
    } catch (e) {
      const message = (e as Error)?.message ?? String(e)
      logger.warn(`medusa-order-ops: document job ${claimed.job.id} failed: ${message}`)
      await failDocumentJobWorkflow(container).run({
        input: { job_id: claimed.job.id, token: claimed.token, error: message, kind: claimed.job.kind },
      })
    }
  }
  return { ran }
}

export default async function documentJobSweepJob(container: MedusaContainer): Promise<void> {
  await runDocumentJobs(container)
}

export const config = {
  name: "order-ops-document-job-sweep",
  schedule: "* * * * *",
}
