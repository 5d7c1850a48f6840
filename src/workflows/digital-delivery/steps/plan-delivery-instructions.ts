import { createHash } from "node:crypto"
import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DIGITAL_DELIVERY_MODULE } from "../../../modules/digital-delivery"
import type DigitalDeliveryModuleService from "../../../modules/digital-delivery/service"
import type { DeliveryDTO } from "../utils/types"

import { INSTRUCTIONS_SIBLING_WAIT_SECONDS } from "../../../modules/digital-delivery/models/follow-up"

export { INSTRUCTIONS_SIBLING_WAIT_SECONDS }

/** What {@link planDeliveryInstructionsStep} decided. */
export type DeliveryInstructionsPlan = {
  order_id: string
  /** The deliveries this email covers (delivered, emailed kind, not emailed before). */
  delivery_ids: string[]
  /** Every delivery emailed once this one is sent. */
  covered_delivery_ids: string[]
  /** Wait until then: another emailed item of the order is about to be delivered (ISO time). */
  defer_until: string | null
  /** This try's notification key: the set's key plus the try (Medusa cannot re-send a failed notification under its key). */
  idempotency_key: string
  /** An earlier try of this very email went out (or is going out): nothing is sent again. */
  already_sent: boolean
}

/**
 * Pure rule: which delivered items an order's next instructions email
 * covers: those of the methods the customer is emailed about
 * (`emailedMethods`: the registry's methods with `emailed`). Items delivered together get one email: while another item of
 * the order that is emailed is still on its first attempt, the email waits
 * for it (its own delivered event asks again; the sweep sends at
 * `now + INSTRUCTIONS_SIBLING_WAIT_SECONDS` at the latest).
 */
export function planInstructions(
  orderId: string,
  deliveries: Pick<DeliveryDTO, "id" | "method" | "status" | "attempts">[],
  covered: string[],
  now: Date,
  emailedMethods: readonly string[]
): DeliveryInstructionsPlan {
  const emailed = deliveries.filter((d) => emailedMethods.includes(d.method))
  const done = new Set(covered)
  const delivery_ids = emailed.filter((d) => d.status === "delivered" && !done.has(d.id)).map((d) => d.id).sort()
  const siblingOnItsWay = emailed.some((d) => d.status === "pending" && d.attempts === 0)
  const key = createHash("sha256").update(delivery_ids.join(",")).digest("hex").slice(0, 24)
  return {
    order_id: orderId,
    delivery_ids,
    covered_delivery_ids: [...new Set([...covered, ...delivery_ids])].sort(),
    defer_until:
      delivery_ids.length && siblingOnItsWay ? new Date(now.getTime() + INSTRUCTIONS_SIBLING_WAIT_SECONDS * 1000).toISOString() : null,
    idempotency_key: `order-ops-delivery-instructions:${orderId}:${key}`,
    already_sent: false,
  }
}

export const planDeliveryInstructionsStepId = "order-ops-plan-delivery-instructions"

/** Loads an order's deliveries and decides with {@link planInstructions}. Writes nothing. */
export const planDeliveryInstructionsStep = createStep(
  planDeliveryInstructionsStepId,
  async (input: { order_id: string; covered_delivery_ids: string[]; try_id: string }, { container }) => {
    const service = container.resolve<DigitalDeliveryModuleService>(DIGITAL_DELIVERY_MODULE)
    const deliveries = (await service.listDeliveries(
      { order_id: input.order_id },
      { select: ["id", "method", "status", "attempts"] }
    )) as unknown as DeliveryDTO[]
    const emailedMethods = service
      .getMethods()
      .list()
      .filter((m) => m.emailed)
      .map((m) => m.code)
    const plan = planInstructions(input.order_id, deliveries, input.covered_delivery_ids, new Date(), emailedMethods)
    if (!plan.delivery_ids.length || plan.defer_until) {
      return new StepResponse(plan)
    }
    // A try that sent the email but crashed before recording it: look before sending again.
    const earlier = await container
      .resolve(Modules.NOTIFICATION)
      .listNotifications({ idempotency_key: { $like: `${plan.idempotency_key}:%` } } as never, { select: ["id", "status"] })
    const already_sent = earlier.some((n) => n.status !== "failure")
    return new StepResponse({ ...plan, already_sent, idempotency_key: `${plan.idempotency_key}:${input.try_id}` })
  }
)
