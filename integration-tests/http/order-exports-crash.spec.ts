import path from "node:path"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { parse } from "csv-parse/sync"
import { runDocumentJobs } from "../../src/jobs/document-job-sweep"
import { ORDER_DOCUMENT_MODULE } from "../../src/modules/order-document"
import type OrderDocumentModuleService from "../../src/modules/order-document/service"
import { DOCUMENT_JOB_MAX_ATTEMPTS } from "../../src/modules/order-document/service"
import type { DocumentJobDTO } from "../../src/types"
import { refreshOrderStatusWorkflow } from "../../src/workflows/order-status/workflows/refresh-order-status"
import { type Api, createAdmin, type Headers } from "../helpers/fixtures"
import { type MedusaExecProcess, startMedusaExec } from "../helpers/medusa-exec"

// Only the processes this file starts work on exports: `server` mode registers no scheduled jobs.
process.env.MEDUSA_WORKER_MODE = "server"

jest.setTimeout(600 * 1000)

const WORKER = path.resolve(__dirname, "../reliability/document-job-worker.ts")
const ORDERS = 150

type Knex = { raw: (sql: string, bindings?: unknown[]) => Promise<{ rows: Record<string, any>[] }> }
type Worker = MedusaExecProcess

medusaIntegrationTestRunner({
  inApp: true,
  env: { LOG_LEVEL: "error" },
  testSuite: ({ api: rawApi, getContainer, dbConfig }) => {
    const api = rawApi as Api
    let container: MedusaContainer
    let admin: Headers & { userId: string }
    const documents = () => container.resolve<OrderDocumentModuleService>(ORDER_DOCUMENT_MODULE)
    const sql = async (text: string, bindings: unknown[] = []) =>
      (await container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION).raw(text, bindings)).rows
    const jobOf = async (id: string) => ((await documents().listDocumentJobs({ id })) as unknown as DocumentJobDTO[])[0]
    const pause = (ms: number) => new Promise((r) => setTimeout(r, ms))

    /** `medusa exec` of the export worker against this test's database, under its own application_name. */
    const startWorker = (name: string, pageSize: number): Worker =>
      startMedusaExec(WORKER, { database_url: dbConfig.clientUrl, name, args: [String(pageSize)] })
    const sessionsOf = async (name: string) =>
      Number((await sql(`select count(*)::int as n from pg_stat_activity where application_name = ?`, [name]))[0].n)

    beforeAll(async () => {
      container = getContainer()
      admin = await createAdmin(api, container, "crash-admin@order-ops.test")
      const orders = await container.resolve(Modules.ORDER).createOrders(
        Array.from({ length: ORDERS }, (_, i) => ({
          currency_code: "eur",
          email: `crash+${i}@example.com`,
          items: [{ title: `Item ${i}`, quantity: 1 + (i % 3), unit_price: 10 + i }],
        }))
      )
      await refreshOrderStatusWorkflow(container).run({ input: { order_ids: orders.map((o) => o.id) } })
    })

    it("a worker SIGKILLed mid-export leaves it running with no file marked done; after the lease expires the next sweep writes the whole file", async () => {
      const created = (await api.post("/admin/order-ops/exports", { format: "csv" }, admin)).data.export
      const a = startWorker("export-worker-a", 1)
      let exitedEarly = false
      void a.exited.then(() => (exitedEarly = true))
      let job = await jobOf(created.id)
      for (let i = 0; i < 6000 && !exitedEarly && job.progress_done < 10; i++) {
        await pause(50)
        job = await jobOf(created.id)
      }
      expect(exitedEarly).toBe(false)
      expect(job.progress_done).toBeGreaterThanOrEqual(10)
      expect(await sessionsOf("export-worker-a")).toBeGreaterThan(0)
      a.child.kill("SIGKILL")
      expect(await a.exited).toEqual({ code: null, signal: "SIGKILL" })
      for (let i = 0; i < 200 && (await sessionsOf("export-worker-a")) > 0; i++) {
        await pause(50)
      }
      expect(await sessionsOf("export-worker-a")).toBe(0)

      // What the kill left: a running job part-way, its partial file recorded, nothing downloadable.
      const atKill = await jobOf(created.id)
      expect(atKill.status).toBe("running")
      expect(atKill.progress_done).toBeLessThan(ORDERS)
      expect(atKill.file_key).not.toBeNull()
      expect((await api.get(`/admin/order-ops/exports/${created.id}`, admin)).data.export.download_url).toBeNull()
      const partialKey = atKill.file_key!

      // While the dead worker's lease holds, nobody else takes the job.
      expect((await runDocumentJobs(container, { page_size: 50 })).ran).toEqual([])

      // The lease expires (120 s in production; set to the past here, now that the worker is confirmed dead).
      await sql(`update order_document_job set locked_until = now() - interval '1 second' where id = ?`, [created.id])
      expect((await runDocumentJobs(container, { page_size: 50 })).ran).toEqual([created.id])
      const done = await jobOf(created.id)
      expect(done).toMatchObject({ status: "completed", attempts: 2, progress_done: ORDERS, progress_total: ORDERS })
      expect(done.file_key).not.toBe(partialKey)
      // The dead attempt's partial file is gone; the new one holds every order once.
      await expect(container.resolve(Modules.FILE).getAsBuffer(partialKey)).rejects.toThrow()
      const res = await api.get(`/admin/order-ops/exports/${created.id}/file`, { ...admin, responseType: "arraybuffer" })
      const rows = parse(Buffer.from(res.data), { columns: true, bom: true }) as Record<string, string>[]
      expect(rows).toHaveLength(ORDERS)
      expect(new Set(rows.map((r) => r["Order ID"])).size).toBe(ORDERS)
    })

    it(`a job whose worker died ${DOCUMENT_JOB_MAX_ATTEMPTS} times is failed with the reason, never retried forever`, async () => {
      const created = (await api.post("/admin/order-ops/exports", { format: "xlsx" }, admin)).data.export
      await sql(
        `update order_document_job set status = 'running', attempts = ?, lease_token = ?, locked_until = now() - interval '1 second' where id = ?`,
        [DOCUMENT_JOB_MAX_ATTEMPTS, DOCUMENT_JOB_MAX_ATTEMPTS, created.id]
      )
      expect((await runDocumentJobs(container)).ran).toEqual([])
      const failed = (await api.get(`/admin/order-ops/exports/${created.id}`, admin)).data.export
      expect(failed.status).toBe("failed")
      expect(failed.error).toContain(`stopped ${DOCUMENT_JOB_MAX_ATTEMPTS} times`)
      expect(failed.download_url).toBeNull()
    })
  },
})
