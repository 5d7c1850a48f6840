import type { ExecArgs } from "@medusajs/framework/types"
import digitalDeliverySweepJob from "../../src/jobs/digital-delivery-sweep"

/**
 * A separate worker process for the reliability tests: `medusa exec` this
 * file with DATABASE_URL pointing at the test's database and it runs the
 * digital delivery sweep job, sweep after sweep, until a sweep finds nothing
 * due. It prints one line per event on stdout (`ready`, `swept <n>`,
 * `done`) so the test can follow it, and is SIGKILLed mid-run by the test.
 * `medusa exec` runs with MEDUSA_WORKER_MODE=server, so the scheduled job
 * itself is not registered here: only this loop sweeps.
 */
export default async function sweepWorker({ container }: ExecArgs): Promise<void> {
  console.log("ready")
  for (;;) {
    const { attempted } = await digitalDeliverySweepJob(container)
    console.log(`swept ${attempted}`)
    if (!attempted) {
      break
    }
  }
  console.log("done")
}
