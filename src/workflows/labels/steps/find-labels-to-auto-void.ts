import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ORDER_CASE_MODULE } from "../../../modules/order-case"
import type OrderCaseModuleService from "../../../modules/order-case/service"
import { labelsToAutoVoidQuery, type RawRunner } from "../../order-case/utils/exception-rules"

/** Input of {@link findLabelsToAutoVoidStep}. */
export type FindLabelsToAutoVoidStepInput = { now: Date | string; limit: number }

export const findLabelsToAutoVoidStepId = "order-ops-find-labels-to-auto-void"

/**
 * The labels to void by themselves, when `exceptions.auto_void_unscanned_labels`
 * is on (none otherwise): bought, not scanned after the inbox's threshold,
 * and near the end of the carrier's void window (the same SQL as the
 * "label not scanned" inbox rule). Read-only.
 */
export const findLabelsToAutoVoidStep = createStep(
  findLabelsToAutoVoidStepId,
  async (input: FindLabelsToAutoVoidStepInput, { container }) => {
    const thresholds = container.resolve<OrderCaseModuleService>(ORDER_CASE_MODULE).getExceptionThresholds()
    if (!thresholds.auto_void_unscanned_labels) {
      return new StepResponse({ enabled: false, labels: [] as { label_id: string; order_id: string }[], thresholds })
    }
    const query = labelsToAutoVoidQuery(new Date(input.now), thresholds, input.limit)
    const db = container.resolve(ContainerRegistrationKeys.PG_CONNECTION) as unknown as RawRunner
    const { rows } = await db.raw(query.sql, query.bindings)
    return new StepResponse({
      enabled: true,
      labels: rows.map((r) => ({ label_id: r.label_id as string, order_id: r.order_id as string })),
      thresholds,
    })
  }
)
