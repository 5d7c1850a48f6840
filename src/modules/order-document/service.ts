import {
  generateEntityId,
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MedusaError,
  MedusaService,
} from "@medusajs/framework/utils"
import type { Context } from "@medusajs/framework/types"
import { DocumentJob, Invoice, InvoiceCounter } from "./models"
import { assertTransition, type DocumentJobStatusValue } from "./state-machine"
import type { DocumentJobDTO } from "../../types/order-document"

type Executor = { execute: (sql: string, params?: unknown[]) => Promise<Record<string, unknown>[]> }

/** How long a claim holds a job without news from its worker; every progress write extends it. */
export const DOCUMENT_JOB_LEASE_SECONDS = 120
/** Claims after which a job whose worker keeps dying is failed instead of retried. */
export const DOCUMENT_JOB_MAX_ATTEMPTS = 3

/** A claimed job: the row plus the fencing token every later write must present. */
export type ClaimedDocumentJob = { job: DocumentJobDTO; token: number }

/** An issued invoice or credit note. */
export type InvoiceRecord = {
  id: string
  order_id: string
  kind: "invoice" | "credit_note"
  series: "live" | "test"
  number: number
  display_number: string
  snapshot: Record<string, unknown>
  file_key: string | null
  issued_at: Date
  /** A credit note's refund. */
  refund_id: string | null
  /** A credit note's invoice. */
  credits_invoice_id: string | null
}

/** What {@link OrderDocumentModuleService.issueInvoiceRecord} writes. */
export type IssueInvoiceRecordInput = {
  order_id: string
  kind: "invoice" | "credit_note"
  series: "live" | "test"
  /** Printed before the zero-padded number, e.g. `INV-`. */
  prefix: string
  /** Everything the document shows, frozen now. */
  snapshot: Record<string, unknown>
  issued_at: Date
  /** Required for a credit note: the refund it credits (its idempotency key). */
  refund_id?: string | null
  /** A credit note's invoice. */
  credits_invoice_id?: string | null
}

const toInvoice = (row: Record<string, unknown>): InvoiceRecord => ({
  id: row.id as string,
  order_id: row.order_id as string,
  kind: row.kind as InvoiceRecord["kind"],
  series: row.series as InvoiceRecord["series"],
  number: Number(row.number),
  display_number: row.display_number as string,
  snapshot: (typeof row.snapshot === "string" ? JSON.parse(row.snapshot) : row.snapshot) as Record<string, unknown>,
  file_key: (row.file_key as string | null) ?? null,
  issued_at: new Date(row.issued_at as string),
  refund_id: (row.refund_id as string | null) ?? null,
  credits_invoice_id: (row.credits_invoice_id as string | null) ?? null,
})

/** What a finished job records. */
export type FinishDocumentJobInput = {
  file_key?: string | null
  file_name?: string | null
  mime_type?: string | null
  progress_done?: number
  progress_total?: number | null
  /** A bulk order action's outcome. */
  result?: DocumentJobDTO["result"]
}

const toJob = (row: Record<string, unknown>): DocumentJobDTO => ({
  id: row.id as string,
  kind: row.kind as string,
  status: row.status as DocumentJobStatusValue,
  params: (typeof row.params === "string" ? JSON.parse(row.params) : row.params) as Record<string, unknown>,
  progress_done: Number(row.progress_done),
  progress_total: row.progress_total === null ? null : Number(row.progress_total),
  attempts: Number(row.attempts),
  lease_token: Number(row.lease_token),
  locked_until: (row.locked_until as Date | null) ?? null,
  file_key: (row.file_key as string | null) ?? null,
  file_name: (row.file_name as string | null) ?? null,
  mime_type: (row.mime_type as string | null) ?? null,
  result: (typeof row.result === "string" ? JSON.parse(row.result) : (row.result ?? null)) as DocumentJobDTO["result"],
  error: (row.error as string | null) ?? null,
  created_by: (row.created_by as string | null) ?? null,
  started_at: (row.started_at as Date | null) ?? null,
  finished_at: (row.finished_at as Date | null) ?? null,
  created_at: row.created_at as Date,
  updated_at: row.updated_at as Date,
})

/**
 * Owns `order_document_job`: background document work and its lease. Every
 * state change is one conditional UPDATE, so two workers can never both own
 * a job, and a worker whose lease was taken over (fencing token changed) or
 * whose job was canceled learns it on its next write.
 */
class OrderDocumentModuleService extends MedusaService({ DocumentJob, Invoice, InvoiceCounter }) {
  /**
   * Issues an order's invoice: takes the next number of its series and
   * writes the invoice row in ONE transaction. The counter row stays locked
   * by the UPDATE until the commit, so concurrent issues queue up and get
   * consecutive numbers; a failed insert rolls the counter back, so no number
   * is ever skipped. An order that already has an invoice gets it back
   * (`created: false`), also when two issues for it race (the unique index
   * refuses the second, whose transaction, number included, rolls back).
   * A credit note is keyed on its refund the same way: a refund that
   * already has one gets it back.
   *
   * @throws MedusaError INVALID_DATA for a credit note without `refund_id`.
   */
  @InjectManager()
  async issueInvoiceRecord(
    input: IssueInvoiceRecordInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ invoice: InvoiceRecord; created: boolean }> {
    if (input.kind === "credit_note" && !input.refund_id) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "A credit note needs the refund it credits (refund_id)")
    }
    const existingOf = () =>
      input.kind === "invoice"
        ? this.findOrderInvoice(input.order_id, sharedContext)
        : this.findRefundCreditNote(input.refund_id!, sharedContext)
    const existing = await existingOf()
    if (existing) {
      return { invoice: existing, created: false }
    }
    try {
      return { invoice: await this.issueInvoiceRecord_(input, sharedContext), created: true }
    } catch (e) {
      const raced = await existingOf()
      if (raced) {
        return { invoice: raced, created: false }
      }
      throw e
    }
  }

  @InjectTransactionManager()
  protected async issueInvoiceRecord_(
    input: IssueInvoiceRecordInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<InvoiceRecord> {
    // The transaction's own entity manager: statements on `manager` would run on other
    // pooled connections, outside the transaction (and wait on its row lock).
    const db = (sharedContext.transactionManager ?? sharedContext.manager) as unknown as Executor
    const key = `${input.kind}:${input.series}`
    await db.execute(
      `insert into "order_invoice_counter" ("id", "series_key", "next_number") values (?, ?, 1)
       on conflict ("series_key") where "deleted_at" is null do nothing`,
      [generateEntityId(undefined, "oinvc"), key]
    )
    const [{ number }] = await db.execute(
      `update "order_invoice_counter" set "next_number" = "next_number" + 1, "updated_at" = now()
       where "series_key" = ? and "deleted_at" is null returning "next_number" - 1 as "number"`,
      [key]
    )
    const n = Number(number)
    const [row] = await db.execute(
      `insert into "order_invoice" ("id", "order_id", "kind", "series", "number", "display_number", "snapshot", "issued_at", "refund_id", "credits_invoice_id")
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning *`,
      [
        generateEntityId(undefined, "oinv"),
        input.order_id,
        input.kind,
        input.series,
        n,
        `${input.prefix}${String(n).padStart(6, "0")}`,
        JSON.stringify({ ...input.snapshot, number: `${input.prefix}${String(n).padStart(6, "0")}` }),
        input.issued_at,
        input.refund_id ?? null,
        input.credits_invoice_id ?? null,
      ]
    )
    return toInvoice(row)
  }

  /** The order's invoice (not credit notes), if it has one. */
  @InjectManager()
  async findOrderInvoice(order_id: string, @MedusaContext() sharedContext: Context = {}): Promise<InvoiceRecord | null> {
    const rows = await (sharedContext.manager as unknown as Executor).execute(
      `select * from "order_invoice" where "order_id" = ? and "kind" = 'invoice' and "deleted_at" is null`,
      [order_id]
    )
    return rows.length ? toInvoice(rows[0]) : null
  }

  /** The number the next document of a series gets (`invoice:live`…): 1 for a series never used. */
  @InjectManager()
  async getNextInvoiceNumber(series_key: string, @MedusaContext() sharedContext: Context = {}): Promise<number> {
    const rows = await (sharedContext.manager as unknown as Executor).execute(
      `select "next_number" from "order_invoice_counter" where "series_key" = ? and "deleted_at" is null`,
      [series_key]
    )
    return rows.length ? Number(rows[0].next_number) : 1
  }

  /**
   * Moves a series' next number forward (a store continuing the numbering of
   * its previous system). One conditional UPDATE under the counter's row
   * lock, so it cannot race an issue: it only applies while `next` is at
   * least the current next number and above every number issued.
   *
   * @returns the next number before, for the caller's compensation.
   * @throws MedusaError INVALID_DATA naming `next_invoice_number` when it would move back.
   */
  @InjectTransactionManager()
  async advanceInvoiceNumber(
    series_key: string,
    next: number,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ previous: number }> {
    const db = (sharedContext.transactionManager ?? sharedContext.manager) as unknown as Executor
    const [kind, series] = series_key.split(":")
    await db.execute(
      `insert into "order_invoice_counter" ("id", "series_key", "next_number") values (?, ?, 1)
       on conflict ("series_key") where "deleted_at" is null do nothing`,
      [generateEntityId(undefined, "oinvc"), series_key]
    )
    const [current] = await db.execute(
      `select "next_number" from "order_invoice_counter" where "series_key" = ? and "deleted_at" is null for update`,
      [series_key]
    )
    const [{ max }] = await db.execute(
      `select coalesce(max("number"), 0) as "max" from "order_invoice" where "kind" = ? and "series" = ? and "deleted_at" is null`,
      [kind, series]
    )
    const previous = Number(current.next_number)
    if (next < previous || next <= Number(max)) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `next_invoice_number: the numbering only moves forward; the next number is ${previous} and ${Number(max)} was already issued`
      )
    }
    await db.execute(
      `update "order_invoice_counter" set "next_number" = ?, "updated_at" = now() where "series_key" = ? and "deleted_at" is null`,
      [next, series_key]
    )
    return { previous }
  }

  /**
   * Puts a series' next number back (the settings workflow's compensation),
   * only when no document took a number since.
   */
  @InjectManager()
  async restoreInvoiceNumber(series_key: string, next: number, previous: number, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    await (sharedContext.manager as unknown as Executor).execute(
      `update "order_invoice_counter" set "next_number" = ?, "updated_at" = now() where "series_key" = ? and "next_number" = ? and "deleted_at" is null`,
      [previous, series_key, next]
    )
  }

  /** The credit note of a refund, if one was issued. */
  @InjectManager()
  async findRefundCreditNote(refund_id: string, @MedusaContext() sharedContext: Context = {}): Promise<InvoiceRecord | null> {
    const rows = await (sharedContext.manager as unknown as Executor).execute(
      `select * from "order_invoice" where "refund_id" = ? and "kind" = 'credit_note' and "deleted_at" is null`,
      [refund_id]
    )
    return rows.length ? toInvoice(rows[0]) : null
  }

  /** The order's credit notes, oldest first. */
  @InjectManager()
  async listOrderCreditNotes(order_id: string, @MedusaContext() sharedContext: Context = {}): Promise<InvoiceRecord[]> {
    const rows = await (sharedContext.manager as unknown as Executor).execute(
      `select * from "order_invoice" where "order_id" = ? and "kind" = 'credit_note' and "deleted_at" is null order by "number" asc`,
      [order_id]
    )
    return rows.map(toInvoice)
  }

  /** Records where an invoice's PDF is stored: once, never replaced. False when it already has one. */
  @InjectManager()
  async recordInvoiceFile(id: string, file_key: string, @MedusaContext() sharedContext: Context = {}): Promise<boolean> {
    const rows = await (sharedContext.manager as unknown as Executor).execute(
      `update "order_invoice" set "file_key" = ?, "updated_at" = now() where "id" = ? and "file_key" is null returning "id"`,
      [file_key, id]
    )
    return rows.length === 1
  }

  /**
   * Claims the oldest job that is waiting, or whose worker stopped reporting
   * (running, lease expired), bumping its fencing token. A job already
   * claimed DOCUMENT_JOB_MAX_ATTEMPTS times is failed instead, with the
   * reason. Null when there is nothing to do.
   *
   * @param kinds only jobs of these kinds (the handlers this worker has).
   */
  @InjectManager()
  async claimNextDocumentJob(
    kinds: string[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<ClaimedDocumentJob | null> {
    if (!kinds.length) {
      return null
    }
    const db = sharedContext.manager as unknown as Executor
    const inKinds = kinds.map(() => "?").join(", ")
    await db.execute(
      `update "order_document_job" set "status" = 'failed', "locked_until" = null, "finished_at" = now(), "updated_at" = now(),
         "error" = 'The worker stopped ' || "attempts" || ' times while working on this job; it was given up'
       where "deleted_at" is null and "status" = 'running' and "locked_until" < now() and "attempts" >= ?`,
      [DOCUMENT_JOB_MAX_ATTEMPTS]
    )
    const rows = await db.execute(
      `update "order_document_job" set "status" = 'running', "lease_token" = "lease_token" + 1, "attempts" = "attempts" + 1,
         "locked_until" = now() + (? * interval '1 second'), "started_at" = coalesce("started_at", now()), "updated_at" = now()
       where "id" = (
         select "id" from "order_document_job"
         where "deleted_at" is null and "kind" in (${inKinds})
           and ("status" = 'pending' or ("status" = 'running' and "locked_until" < now()))
         order by "created_at" asc
         limit 1
         for update skip locked
       )
       returning *`,
      [DOCUMENT_JOB_LEASE_SECONDS, ...kinds]
    )
    if (!rows.length) {
      return null
    }
    const job = toJob(rows[0])
    return { job, token: job.lease_token }
  }

  /**
   * Records progress and extends the lease. False when the job is no longer
   * ours to work on (canceled, or reclaimed by another worker): stop.
   */
  @InjectManager()
  async reportDocumentJobProgress(
    id: string,
    token: number,
    progress: { done: number; total?: number | null },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<boolean> {
    const rows = await (sharedContext.manager as unknown as Executor).execute(
      `update "order_document_job" set "progress_done" = ?, "progress_total" = coalesce(?, "progress_total"),
         "locked_until" = now() + (? * interval '1 second'), "updated_at" = now()
       where "id" = ? and "lease_token" = ? and "status" = 'running' and "deleted_at" is null
       returning "id"`,
      [progress.done, progress.total ?? null, DOCUMENT_JOB_LEASE_SECONDS, id, token]
    )
    return rows.length === 1
  }

  /**
   * Writes down where the result file goes before a byte is written, so a
   * worker killed mid-write leaves a file the next claim or the retention
   * sweep can delete. Returns the key it replaced (a dead attempt's file).
   */
  @InjectManager()
  async recordDocumentJobFile(
    id: string,
    token: number,
    file: { file_key: string; file_name: string; mime_type: string },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<boolean> {
    const rows = await (sharedContext.manager as unknown as Executor).execute(
      `update "order_document_job" set "file_key" = ?, "file_name" = ?, "mime_type" = ?, "updated_at" = now()
       where "id" = ? and "lease_token" = ? and "status" = 'running' and "deleted_at" is null
       returning "id"`,
      [file.file_key, file.file_name, file.mime_type, id, token]
    )
    return rows.length === 1
  }

  /**
   * Marks the job completed, only while the lease is still ours. False when
   * it was canceled or reclaimed meanwhile: the caller discards its result.
   */
  @InjectManager()
  async completeDocumentJob(
    id: string,
    token: number,
    result: FinishDocumentJobInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<boolean> {
    const rows = await (sharedContext.manager as unknown as Executor).execute(
      `update "order_document_job" set "status" = 'completed', "locked_until" = null, "finished_at" = now(), "updated_at" = now(),
         "file_key" = coalesce(?, "file_key"), "file_name" = coalesce(?, "file_name"), "mime_type" = coalesce(?, "mime_type"),
         "progress_done" = coalesce(?, "progress_done"), "progress_total" = coalesce(?, "progress_total"),
         "result" = coalesce(?::jsonb, "result")
       where "id" = ? and "lease_token" = ? and "status" = 'running' and "deleted_at" is null
       returning "id"`,
      [
        result.file_key ?? null,
        result.file_name ?? null,
        result.mime_type ?? null,
        result.progress_done ?? null,
        result.progress_total ?? null,
        result.result ? JSON.stringify(result.result) : null,
        id,
        token,
      ]
    )
    return rows.length === 1
  }

  /** Marks the job failed with the reason, only while the lease is still ours. */
  @InjectManager()
  async failDocumentJob(
    id: string,
    token: number,
    error: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<boolean> {
    const rows = await (sharedContext.manager as unknown as Executor).execute(
      `update "order_document_job" set "status" = 'failed', "locked_until" = null, "finished_at" = now(), "updated_at" = now(), "error" = ?
       where "id" = ? and "lease_token" = ? and "status" = 'running' and "deleted_at" is null
       returning "id"`,
      [error.slice(0, 2000), id, token]
    )
    return rows.length === 1
  }

  /**
   * Cancels a waiting or running job. A running worker notices on its next
   * progress write and stops. Throws NOT_FOUND for an unknown job and
   * NOT_ALLOWED when it already finished.
   *
   * @returns the job as it was before (for compensation) and after.
   */
  @InjectManager()
  async cancelDocumentJob(
    id: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ before: DocumentJobDTO; after: DocumentJobDTO }> {
    const db = sharedContext.manager as unknown as Executor
    const found = await db.execute(`select * from "order_document_job" where "id" = ? and "deleted_at" is null`, [id])
    if (!found.length) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Document job ${id} was not found`)
    }
    const before = toJob(found[0])
    assertTransition(before.status, "canceled")
    const rows = await db.execute(
      `update "order_document_job" set "status" = 'canceled', "locked_until" = null, "finished_at" = now(), "updated_at" = now()
       where "id" = ? and "status" in ('pending', 'running') and "deleted_at" is null
       returning *`,
      [id]
    )
    if (!rows.length) {
      throw new MedusaError(MedusaError.Types.CONFLICT, `Document job ${id} finished while it was being canceled`)
    }
    return { before, after: toJob(rows[0]) }
  }

  /**
   * Puts a canceled job back as it was (the cancel workflow's compensation).
   */
  @InjectManager()
  async restoreDocumentJob(job: DocumentJobDTO, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    await (sharedContext.manager as unknown as Executor).execute(
      `update "order_document_job" set "status" = ?, "locked_until" = ?, "finished_at" = ?, "updated_at" = now()
       where "id" = ? and "status" = 'canceled'`,
      [job.status, job.locked_until, job.finished_at, job.id]
    )
  }

  /** Finished jobs older than `before`: what the retention sweep removes. */
  @InjectManager()
  async listExpiredDocumentJobs(
    before: Date,
    limit: number,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<DocumentJobDTO[]> {
    const rows = await (sharedContext.manager as unknown as Executor).execute(
      `select * from "order_document_job"
       where "deleted_at" is null and "status" in ('completed', 'failed', 'canceled') and "finished_at" < ?
       order by "finished_at" asc limit ?`,
      [before, limit]
    )
    return rows.map(toJob)
  }
}

export default OrderDocumentModuleService
