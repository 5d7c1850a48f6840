import fs from "node:fs"
import type { ExecArgs, MedusaContainer } from "@medusajs/framework/types"
import { validateAndTransformQuery } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { POST as coreOrderExportRoute } from "@medusajs/medusa/api/admin/orders/export/route"
import { exportTransformQueryConfig } from "@medusajs/medusa/api/admin/orders/query-config"
import { AdminGetOrdersParams } from "@medusajs/medusa/api/admin/orders/validators"
import { runDocumentJobs } from "../../src/jobs/document-job-sweep"

/**
 * One measured export in a fresh process, for the order exports benchmark:
 * `medusa exec` this file against the benchmark's database. After the app's
 * boot it collects garbage (with --expose-gc), resets the process's peak RSS
 * (`5` into /proc/self/clear_refs sets VmHWM to the current RSS), runs one
 * export, and prints `RESULT {…}` with the time and VmHWM, i.e. the peak RSS
 * while exporting, beside the RSS it started from.
 *
 *   job                 the plugin's worker: one sweep of the document jobs
 *                       (`runDocumentJobs`, as the scheduled job runs it), one job
 *   core <query json>   Medusa core's `POST /admin/orders/export` handler behind
 *                       its own query middleware, with that query string as
 *                       parsed; waits for its background workflow to finish
 */
export default async function benchExportWorker({ container, args }: ExecArgs): Promise<void> {
  const [mode, arg] = args ?? []
  const status = (field: string) => Number(fs.readFileSync("/proc/self/status", "utf8").match(new RegExp(`${field}:\\s+(\\d+)`))?.[1])
  ;(globalThis as { gc?: () => void }).gc?.()
  const bootPeakKb = status("VmHWM")
  fs.writeFileSync("/proc/self/clear_refs", "5")
  const startRssKb = status("VmRSS")
  const started = process.hrtime.bigint()
  let detail: Record<string, unknown>
  if (mode === "job") {
    detail = await runDocumentJobs(container, { max_jobs: 1 })
  } else if (mode === "core") {
    detail = await runCoreExport(container, JSON.parse(arg ?? "{}") as Record<string, unknown>)
  } else {
    throw new Error(`unknown mode ${mode}`)
  }
  const ms = Number(process.hrtime.bigint() - started) / 1e6
  const peakKb = status("VmHWM")
  console.log(`RESULT ${JSON.stringify({ ms, peak_rss_kb: peakKb, start_rss_kb: startRssKb, boot_peak_rss_kb: bootPeakKb, ...detail })}`)
}

type Notification = { data?: { title?: string; description?: string; file?: { filename?: string; url?: string } } | null }

/** Core's route as a request reaches it; resolves when its workflow's notification is sent. */
async function runCoreExport(container: MedusaContainer, query: Record<string, unknown>): Promise<Record<string, unknown>> {
  const req = { query, scope: container, allowed: [], auth_context: { actor_id: "bench", actor_type: "user", app_metadata: {} } } as never
  let answered: { status: number; body: { transaction_id?: string } } | null = null
  const res = {
    status(code: number) {
      return { json: (body: { transaction_id?: string }) => (answered = { status: code, body }) }
    },
  } as never
  await new Promise<void>((resolve, reject) =>
    void validateAndTransformQuery(AdminGetOrdersParams as never, exportTransformQueryConfig as never)(req, res, (e?: unknown) =>
      e ? reject(e) : resolve()
    )
  )
  const notifications = container.resolve(Modules.NOTIFICATION)
  const before = new Date()
  await coreOrderExportRoute(req, res)
  if (!answered || (answered as { status: number }).status !== 202) {
    throw new Error(`core export answered ${JSON.stringify(answered)}`)
  }
  // The route answers 202 at once; the export step runs in the background of this process and ends with a feed notification.
  for (;;) {
    const [latest] = (await notifications.listNotifications(
      { channel: "feed", created_at: { $gte: before } } as never,
      { order: { created_at: "DESC" }, take: 1 }
    )) as unknown as Notification[]
    if (latest?.data?.title === "Order export") {
      if (!latest.data.file) {
        throw new Error(`core export failed: ${latest.data.description}`)
      }
      return { file_url: latest.data.file.url ?? null }
    }
    await new Promise((r) => setTimeout(r, 100))
  }
}
