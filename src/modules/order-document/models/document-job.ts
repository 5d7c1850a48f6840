import { model } from "@medusajs/framework/utils"
import { DOCUMENT_JOB_STATUSES } from "../state-machine"

/**
 * One piece of long document work (an export today; bulk packing slips,
 * bulk invoices and bulk mark-as-shipped share the same row shape): asked
 * for by an admin, done by the worker's sweep under a lease, never inside
 * the request. `kind` picks the handler, `params` is its validated input.
 *
 * The lease is `locked_until` plus `lease_token`, a fencing token bumped on
 * every claim: progress and the outcome are written only where the token
 * still matches, so a worker that lost its lease (killed, paused past the
 * lease) can never mark the job done.
 */
export const DocumentJob = model
  .define("order_document_job", {
    id: model.id({ prefix: "odjob" }).primaryKey(),
    /** The handler: `export`, `packing_slips`, `issue_invoices`, `mark_shipped`, `label_batch`. */
    kind: model.text(),
    status: model.enum(DOCUMENT_JOB_STATUSES).default("pending"),
    /** The handler's input, as validated when the job was asked for. */
    params: model.json(),
    /** Units done (rows written for an export). */
    progress_done: model.number().default(0),
    /** Units in all, once the worker counted them. */
    progress_total: model.number().nullable(),
    /** Claims so far; a job whose worker died this many times fails. */
    attempts: model.number().default(0),
    /** Fencing token: bumped on every claim. */
    lease_token: model.number().default(0),
    locked_until: model.dateTime().nullable(),
    /** The result file in Medusa's file module (set before writing starts, so a crash leaves it findable). */
    file_key: model.text().nullable(),
    file_name: model.text().nullable(),
    mime_type: model.text().nullable(),
    /**
     * A bulk order action's outcome (issue invoices, mark as shipped):
     * `{ done, skipped, failed, orders: [{ order_id, display_id, status, message }] }`.
     */
    result: model.json().nullable(),
    /** Why it failed, for the admin. */
    error: model.text().nullable(),
    /** The admin user who asked for it. */
    created_by: model.text().nullable(),
    started_at: model.dateTime().nullable(),
    finished_at: model.dateTime().nullable(),
  })
  .indexes([
    { name: "IDX_order_document_job_status_created", on: ["status", "created_at"], where: "deleted_at IS NULL" },
    { name: "IDX_order_document_job_kind_created", on: ["kind", "created_at"], where: "deleted_at IS NULL" },
  ])
