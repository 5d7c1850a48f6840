import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { findLabelsToAutoVoidWorkflow } from "../workflows/labels/workflows/find-labels-to-auto-void"
import { voidShippingLabelWorkflow } from "../workflows/labels/workflows/void-shipping-label"

/** Labels voided per run at most; the rest wait for the next run. */
export const AUTO_VOID_BATCH = 25

/**
 * Every hour, when `exceptions.auto_void_unscanned_labels` is on: voids each
 * label that was bought and never scanned, shortly before the carrier's void
 * window closes — through the same workflow as the admin's Void, so the
 * carrier is asked first (a parcel it already has is never voided), the
 * shipment is canceled, the refund followed and the timeline written.
 * A label the carrier refuses stays in the exceptions inbox for a person.
 */
export default async function autoVoidUnscannedLabelsJob(
  container: MedusaContainer,
  /** `now`: the clock (tests stand at a fixed instant with it); Medusa passes `{ scheduledFor }`. */
  context: { now?: Date } = {}
): Promise<{ enabled: boolean; voided: string[]; failed: string[] }> {
  const now = context.now ?? new Date()
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const { result } = await findLabelsToAutoVoidWorkflow(container).run({ input: { now, limit: AUTO_VOID_BATCH } })
  const voided: string[] = []
  const failed: string[] = []
  for (const { label_id } of result.labels) {
    const { errors } = await voidShippingLabelWorkflow(container).run({
      input: {
        label_id,
        actor_id: null,
        reason: `not scanned ${result.thresholds.label_unscanned_days}+ days, void window closing`,
      },
      throwOnError: false,
    })
    if (errors.length) {
      failed.push(label_id)
      logger.warn(`medusa-order-ops: auto-void of label ${label_id} failed: ${errors[0].error?.message ?? errors[0].error}`)
    } else {
      voided.push(label_id)
    }
  }
  return { enabled: result.enabled, voided, failed }
}

export const config = {
  name: "order-ops-auto-void-unscanned-labels",
  schedule: "17 * * * *",
}
