/** Default cadence of the plugin's sweep jobs. */
export const EVERY_MINUTE = "* * * * *"

/**
 * The schedule of a sweep job: every minute, or every
 * `ORDER_OPS_JOB_INTERVAL_MS` milliseconds (at least 1000) when that is set
 * in the process's environment. Only the production-layout test sets it, so
 * its server-and-worker processes sweep every few seconds instead of waiting
 * for the next minute; a store has no reason to.
 */
export function sweepJobSchedule(env: NodeJS.ProcessEnv = process.env): string | { interval: number } {
  const raw = env.ORDER_OPS_JOB_INTERVAL_MS
  const ms = raw ? Number(raw) : NaN
  return Number.isInteger(ms) && ms >= 1000 ? { interval: ms } : EVERY_MINUTE
}
