import type { ExecArgs } from "@medusajs/framework/types"
import { runDocumentJobs } from "../jobs/document-job-sweep"

/**
 * Runs the document-job sweep once, now, in this process:
 * `npx medusa exec ./src/scripts/run-document-jobs.ts [page_size]`.
 * The crash test runs it as a real worker process and kills it mid-export.
 */
export default async function runDocumentJobsScript({ container, args }: ExecArgs): Promise<void> {
  const pageSize = args?.[0] ? Number(args[0]) : undefined
  await runDocumentJobs(container, { page_size: pageSize && pageSize > 0 ? pageSize : undefined, max_jobs: 1 })
}
