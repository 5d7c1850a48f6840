import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { DIGITAL_DELIVERY_MODULE } from "../../../modules/digital-delivery"
import type DigitalDeliveryModuleService from "../../../modules/digital-delivery/service"
import type { AttemptResult } from "../../../modules/digital-delivery/methods/types"
import { deliveryRuntime } from "../utils/delivery-runtime"
import type { DeliveryAttemptPlan } from "./prepare-delivery-attempt"

export const runDeliveryMethodStepId = "order-ops-run-delivery-method"

/**
 * Runs the method (deliver or revoke) through the registry. Never throws:
 * a bug or an outage of our own is a `retry`. A test order's outside call
 * is a dry run. When the plan says a cut-off attempt may already have run a
 * command that must not run twice, nothing is sent: the outcome is
 * `unknown`. An outside call is a fact: nothing to undo.
 */
export const runDeliveryMethodStep = createStep(
  runDeliveryMethodStepId,
  async (input: { plan: DeliveryAttemptPlan; attempt: { id: string } | null }, { container }) => {
    const { plan } = input
    if (plan.skip || !input.attempt) {
      return new StepResponse(null as AttemptResult | null)
    }
    const service = container.resolve<DigitalDeliveryModuleService>(DIGITAL_DELIVERY_MODULE)
    const method = service.getMethods().get(plan.delivery.method)
    const revoke = plan.kind === "revoke"
    if (!plan.product || !plan.context || (!revoke && !plan.product.enabled)) {
      return new StepResponse<AttemptResult | null>(
        revoke
          ? { outcome: "delivered", message: `Revoked (${plan.reason}): the delivery product is gone, nothing to take back outside` }
          : { outcome: "failed", message: "The variant has no enabled delivery product any more" }
      )
    }
    if (!plan.send) {
      return new StepResponse<AttemptResult | null>({
        outcome: "unknown",
        message: revoke
          ? "A worker stopped while the revoke command was being sent; it may have run and is not sent again: check the server, then close the revoke"
          : "A worker stopped while the command was being sent; it may have run and is not sent again: check the server, then mark as delivered or retry",
      })
    }
    if (!plan.outside) {
      return new StepResponse<AttemptResult | null>({ outcome: "delivered", message: `Revoked (${plan.reason}): nothing had been delivered yet` })
    }
    if (plan.dry_run && method.remote) {
      return new StepResponse<AttemptResult | null>({
        outcome: "dry_run",
        message: revoke ? `Revoked (${plan.reason}): dry run, nothing sent` : "Dry run (test order): recorded, nothing sent",
        request: method.describe(plan.product.settings as never, plan.context),
      })
    }
    try {
      const runtime = deliveryRuntime(service)
      const settings = plan.product.settings as never
      const result = revoke
        ? await method.revoke(settings, plan.context, runtime)
        : await method.deliver(settings, plan.context, runtime)
      return new StepResponse<AttemptResult | null>(
        revoke && (result.outcome === "delivered" || result.outcome === "dry_run")
          ? { ...result, message: `Revoked (${plan.reason}): ${result.message}` }
          : result
      )
    } catch (error) {
      container
        .resolve(ContainerRegistrationKeys.LOGGER)
        .warn(`medusa-order-ops: delivery ${plan.delivery.id} ${plan.kind} failed: ${(error as Error).message}`)
      return new StepResponse<AttemptResult | null>({ outcome: "retry", message: `Internal error: ${(error as Error).message}` })
    }
  }
)
