import { MedusaError } from "@medusajs/framework/utils"

/**
 * A background document job's status: waiting for a worker, being worked
 * on under a lease, or finished one way or another.
 */
export const DocumentJobStatus = {
  PENDING: "pending",
  RUNNING: "running",
  COMPLETED: "completed",
  FAILED: "failed",
  CANCELED: "canceled",
} as const
export type DocumentJobStatusValue = (typeof DocumentJobStatus)[keyof typeof DocumentJobStatus]
export const DOCUMENT_JOB_STATUSES = Object.values(DocumentJobStatus)

const S = DocumentJobStatus

/**
 * Every legal move, as data. A running job can run again (a sweep reclaims
 * it when its worker died and the lease expired); completed, failed and
 * canceled are final.
 */
export const DOCUMENT_JOB_TRANSITIONS: Record<DocumentJobStatusValue, readonly DocumentJobStatusValue[]> = {
  [S.PENDING]: [S.RUNNING, S.CANCELED],
  [S.RUNNING]: [S.RUNNING, S.COMPLETED, S.FAILED, S.CANCELED],
  [S.COMPLETED]: [],
  [S.FAILED]: [],
  [S.CANCELED]: [],
}

/** True when a job may move from `from` to `to`. Pure. */
export function canTransition(from: DocumentJobStatusValue, to: DocumentJobStatusValue): boolean {
  return DOCUMENT_JOB_TRANSITIONS[from].includes(to)
}

/**
 * Throws NOT_ALLOWED (HTTP 400) naming both statuses when the move is not in
 * the table, e.g. canceling an export that already completed.
 */
export function assertTransition(from: DocumentJobStatusValue, to: DocumentJobStatusValue): void {
  if (!canTransition(from, to)) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `A ${from} job cannot become ${to}`)
  }
}

/** Statuses a job never leaves. */
export const FINAL_DOCUMENT_JOB_STATUSES: readonly DocumentJobStatusValue[] = [S.COMPLETED, S.FAILED, S.CANCELED]
