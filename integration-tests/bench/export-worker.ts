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
 *
 * It also samples process.memoryUsage() every 250 ms (peak V8 heap used,
 * peak external memory) and reads the heap used after a final GC, which
 * tells garbage not yet collected from memory the export holds on to.
 * BENCH_GC_TRACE=1 instead forces a GC every 3 s and prints the live heap
 * (a diagnostic: it slows the export).
 */
export default async function benchExportWorker({ container, args }: ExecArgs): Promise<void> {
  const [mode, arg] = args ?? []
  const status = (field: string) => Number(fs.readFileSync("/proc/self/status", "utf8").match(new RegExp(`${field}:\\s+(\\d+)`))?.[1])
  ;(globalThis as { gc?: () => void }).gc?.()
  const bootPeakKb = status("VmHWM")
  fs.writeFileSync("/proc/self/clear_refs", "5")
  const startRssKb = status("VmRSS")
  const startHeap = process.memoryUsage()
  // What the resident set is made of at its largest (sampled every 250 ms): V8's heap, or buffers outside it.
  const peaks = { heap_used: 0, heap_total: 0, external: 0, array_buffers: 0 }
  const sampler = setInterval(() => {
    const m = process.memoryUsage()
    peaks.heap_used = Math.max(peaks.heap_used, m.heapUsed)
    peaks.heap_total = Math.max(peaks.heap_total, m.heapTotal)
    peaks.external = Math.max(peaks.external, m.external)
    peaks.array_buffers = Math.max(peaks.array_buffers, m.arrayBuffers)
    if (process.env.BENCH_GC_TRACE) {
      ;(globalThis as { gc?: () => void }).gc?.()
      const after = process.memoryUsage().heapUsed
      console.log(`GCTRACE ${Math.round((Number(process.hrtime.bigint() - started) / 1e9))}s heap_after_gc=${Math.round(after / 1048576)}MB`)
    }
  }, process.env.BENCH_GC_TRACE ? 3000 : 250)
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
  clearInterval(sampler)
  ;(globalThis as { gc?: () => void }).gc?.()
  const kb = (bytes: number) => Math.round(bytes / 1024)
  const memory = {
    heap_used_start_kb: kb(startHeap.heapUsed),
    heap_used_peak_kb: kb(peaks.heap_used),
    heap_total_peak_kb: kb(peaks.heap_total),
    external_peak_kb: kb(peaks.external),
    array_buffers_peak_kb: kb(peaks.array_buffers),
    heap_used_after_gc_kb: kb(process.memoryUsage().heapUsed),
  }
  console.log(`RESULT ${JSON.stringify({ ms, peak_rss_kb: peakKb, start_rss_kb: startRssKb, boot_peak_rss_kb: bootPeakKb, ...memory, ...detail })}`)
}

type Notification = { data?: { title?: string; description?: string; file?: { filename?: string; url?: string } } | null }

/** Core's route as a request reaches it; resolves when its workflow is done (polled every 100 ms). */
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
  // The route answers 202 at once; the export step runs in the background of this process. The clock
  // stops when the workflow's execution is done (its last step sends the feed notification), not before:
  // a process leaving it mid-way would leave it "invoking" for ever.
  const transactionId = (answered as { body: { transaction_id?: string } }).body.transaction_id
  const engine = container.resolve(Modules.WORKFLOW_ENGINE)
  let seen = false
  for (;;) {
    const [execution] = (await engine.listWorkflowExecutions({ workflow_id: "export-orders", transaction_id: transactionId } as never)) as unknown as {
      state: string
    }[]
    if ((execution && ["done", "failed", "reverted"].includes(execution.state)) || (seen && !execution)) {
      break
    }
    seen ||= !!execution
    await new Promise((r) => setTimeout(r, 100))
  }
  const [latest] = (await notifications.listNotifications(
    { channel: "feed", created_at: { $gte: before } } as never,
    { order: { created_at: "DESC" }, take: 1 }
  )) as unknown as Notification[]
  if (latest?.data?.title !== "Order export" || !latest.data.file) {
    throw new Error(`core export failed: ${latest?.data?.description}`)
  }
  return { file_url: latest.data.file.url ?? null }
}
