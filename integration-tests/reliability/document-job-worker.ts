import type { ExecArgs } from "@medusajs/framework/types"
import { runDocumentJobs } from "../../src/jobs/document-job-sweep"

/**
 * A separate worker process for the export crash test: `medusa exec` this
 * file with DATABASE_URL pointing at the test's database and it runs the
 * document-job sweep once, with the keyset page size given as its argument
 * (one order per page, so the export takes long enough to be killed in the
 * middle). It prints `ready` and `done` on stdout; the test SIGKILLs it.
 */
export default async function documentJobWorker({ container, args }: ExecArgs): Promise<void> {
  console.log("ready")
  const { ran } = await runDocumentJobs(container, { page_size: Number(args?.[0] ?? 1), max_jobs: 1 })
  console.log(`done ${ran.join(",")}`)
}
