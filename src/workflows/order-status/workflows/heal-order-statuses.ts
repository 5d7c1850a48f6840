import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { findStaleOrderStatusesStep } from "../steps/find-stale-order-statuses"
import { saveOrderStatusHealCursorStep } from "../steps/save-order-status-heal-cursor"
import { refreshOrderStatusWorkflow } from "./refresh-order-status"

/** Input of {@link healOrderStatusesWorkflow}. */
export type HealOrderStatusesWorkflowInput = {
  /** Orders recomputed per pass. */
  batch: number
  /** See `FindStaleOrderStatusesStepInput.overlap_seconds`. */
  overlap_seconds?: number
  /** See `FindStaleOrderStatusesStepInput.full`. */
  full?: boolean
}

/** Result of {@link healOrderStatusesWorkflow}. */
export type HealOrderStatusesWorkflowOutput = {
  /** The orders recomputed. */
  order_ids: string[]
  /** False when the batch was full: more may be waiting. */
  done: boolean
  /** Whether this pass looked at every order. */
  full: boolean
}

export const healOrderStatusesWorkflowId = "order-ops-heal-order-statuses"

/**
 * One pass of the heal job: finds up to `batch` orders whose `order_status`
 * row is missing or older than one of its sources (changed since the
 * cursor kept in the database, or any order on a full scan), recomputes them with
 * `refreshOrderStatusWorkflow`, then moves the cursor. A status left wrong
 * by a lost event or a crashed refresh is thus right again within a pass.
 */
export const healOrderStatusesWorkflow = createWorkflow(
  healOrderStatusesWorkflowId,
  function (input: HealOrderStatusesWorkflowInput) {
    const stale = findStaleOrderStatusesStep({
      batch: input.batch,
      overlap_seconds: input.overlap_seconds,
      full: input.full,
    })

    when("stale-orders-found", { stale }, ({ stale }) => stale.order_ids.length > 0).then(() => {
      refreshOrderStatusWorkflow.runAsStep({ input: { order_ids: stale.order_ids } })
    })

    saveOrderStatusHealCursorStep(
      transform({ stale, input }, ({ stale, input }) => {
        const done = stale.order_ids.length < input.batch
        if (!stale.full) {
          return { cursor: stale.next_cursor, count: stale.order_ids.length, full_scan_at: null }
        }
        // A full scan moves the cursor only once it has looked at every order.
        return done
          ? { cursor: stale.started_at, count: stale.order_ids.length, full_scan_at: stale.started_at }
          : { cursor: null, count: stale.order_ids.length, full_scan_at: null }
      })
    )

    return new WorkflowResponse(
      transform({ stale, input }, ({ stale, input }): HealOrderStatusesWorkflowOutput => ({
        order_ids: stale.order_ids,
        done: stale.order_ids.length < input.batch,
        full: stale.full,
      }))
    )
  }
)
