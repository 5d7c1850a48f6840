import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DIGITAL_DELIVERY_MODULE } from "../../../modules/digital-delivery"
import type DigitalDeliveryModuleService from "../../../modules/digital-delivery/service"
import type { DeliveryAttemptPlan } from "./prepare-delivery-attempt"

export const beginDeliveryAttemptStepId = "order-ops-begin-delivery-attempt"

/** The message of an attempt row found `sending` after its worker died. */
export const INTERRUPTED_MESSAGE = "Interrupted: the worker stopped before the outcome was recorded"

/**
 * Writes the attempt row as `sending`, with the request summary (secrets
 * masked), BEFORE any outside call, and marks earlier rows a dead worker
 * left `sending` as `interrupted`. Compensation marks the new row
 * `interrupted` when it is still `sending` (the attempt did not finish).
 */
export const beginDeliveryAttemptStep = createStep(
  beginDeliveryAttemptStepId,
  async (plan: DeliveryAttemptPlan, { container }) => {
    if (plan.skip) {
      return new StepResponse(null, null)
    }
    const service = container.resolve<DigitalDeliveryModuleService>(DIGITAL_DELIVERY_MODULE)
    if (plan.interrupted_ids.length) {
      await service.updateDeliveryAttempts(
        plan.interrupted_ids.map((id) => ({ id, outcome: "interrupted" as const, message: INTERRUPTED_MESSAGE }))
      )
    }
    const method = service.getMethods().get(plan.delivery.method)
    const request =
      plan.product && plan.context ? method.describe(plan.product.settings as never, plan.context) : null
    const attempt = (await service.createDeliveryAttempts({
      delivery_id: plan.delivery.id,
      kind: plan.kind,
      attempt: plan.kind === "deliver" ? plan.delivery.attempts + 1 : plan.delivery.attempts,
      outcome: "sending",
      message: plan.kind === "deliver" ? "Sending…" : `Revoking… (${plan.reason ?? "revoke"})`,
      request,
      actor_id: plan.actor_id,
    })) as unknown as { id: string; created_at: Date | string }
    return new StepResponse({ id: attempt.id, started_at: Date.now() }, attempt.id)
  },
  async (attemptId, { container }) => {
    if (!attemptId) {
      return
    }
    const service = container.resolve<DigitalDeliveryModuleService>(DIGITAL_DELIVERY_MODULE)
    // Only a row still `sending`: an outcome already recorded is a fact and stays.
    const [open] = await service.listDeliveryAttempts({ id: attemptId, outcome: "sending" }, { select: ["id"] })
    if (open) {
      await service.updateDeliveryAttempts({
        id: attemptId,
        outcome: "interrupted",
        message: "Interrupted: the attempt failed before its outcome was recorded",
      })
    }
  }
)
