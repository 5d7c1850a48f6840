import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DIGITAL_DELIVERY_MODULE } from "../../../modules/digital-delivery"
import type DigitalDeliveryModuleService from "../../../modules/digital-delivery/service"
import type { DeliveryLease } from "../../../modules/digital-delivery/service"
import type { DeliveryAttemptLogKind, DeliveryContext } from "../../../modules/digital-delivery/methods/types"
import { assertDeliveryTransition } from "../../../modules/digital-delivery/state-machine"
import { deliveryContext } from "../utils/attempt-delivery"
import { loadDeliveryOrder } from "../utils/order-context"
import type { DeliveryDTO, DeliveryProductDTO } from "../utils/types"

export const prepareDeliveryAttemptStepId = "order-ops-prepare-delivery-attempt"

/** What kind of outside work an attempt does: the automatic kinds of the attempt log. */
export type DeliveryAttemptKind = Extract<DeliveryAttemptLogKind, "deliver" | "revoke">

/** Everything the later steps of an attempt need, decided before anything is written. */
export type DeliveryAttemptPlan = {
  /** Why nothing is to be done (not leased, nothing due); null when the attempt goes ahead. */
  skip: string | null
  kind: DeliveryAttemptKind
  delivery: DeliveryDTO
  lease_token: number
  product: DeliveryProductDTO | null
  context: DeliveryContext | null
  /** Attempt rows of this kind still `sending` from a worker that died: resolved by this attempt. */
  interrupted_ids: string[]
  /**
   * False when a cut-off attempt may already have reached a method that must
   * not be sent twice (RCON): the outcome is then unknown and a person decides.
   */
  send: boolean
  /** The outside service is involved (false: a revoke of something never delivered outside). */
  outside: boolean
  dry_run: boolean
  reason: string | null
  actor_id: string | null
}

/** Input of {@link prepareDeliveryAttemptStep}. */
export type PrepareDeliveryAttemptInput = {
  delivery_id: string
  kind: DeliveryAttemptKind
  lease: DeliveryLease | null
  reason?: string | null
  actor_id?: string | null
}

/**
 * Loads the leased delivery, its product and order, and decides the
 * attempt: skipped when there is nothing due; otherwise the move it aims at
 * (delivered, or revoked) must be allowed by `DELIVERY_TRANSITIONS`; and an
 * earlier attempt found still `sending` is resolved by the method's
 * `resendAfterUnknown` (resend with the same id, resend an idempotent call,
 * or never: outcome unknown). Reads only.
 *
 * @throws MedusaError NOT_ALLOWED when the table refuses the move.
 */
export const prepareDeliveryAttemptStep = createStep(
  prepareDeliveryAttemptStepId,
  async (input: PrepareDeliveryAttemptInput, { container }) => {
    const service = container.resolve<DigitalDeliveryModuleService>(DIGITAL_DELIVERY_MODULE)
    const delivery = (await service.retrieveDelivery(input.delivery_id)) as unknown as DeliveryDTO
    const plan: DeliveryAttemptPlan = {
      skip: null,
      kind: input.kind,
      delivery,
      lease_token: input.lease?.lease_token ?? -1,
      product: null,
      context: null,
      interrupted_ids: [],
      send: true,
      outside: false,
      dry_run: delivery.is_dry_run,
      reason: input.reason ?? null,
      actor_id: input.actor_id ?? null,
    }
    if (!input.lease) {
      return new StepResponse({ ...plan, skip: "another process holds the delivery's lease" })
    }
    if (input.kind === "deliver") {
      if (delivery.revoke_requested_at || (delivery.status !== "pending" && delivery.status !== "awaiting_recipient")) {
        return new StepResponse({ ...plan, skip: `the delivery is ${delivery.status}` })
      }
      assertDeliveryTransition(delivery.status, "delivered")
    } else {
      if (!delivery.revoke_requested_at) {
        return new StepResponse({ ...plan, skip: "no revoke is owed" })
      }
      assertDeliveryTransition(delivery.status, "revoked")
    }

    const [product] = delivery.delivery_product_id
      ? ((await service.listDeliveryProducts(
          { id: delivery.delivery_product_id },
          { withDeleted: input.kind === "revoke" }
        )) as unknown as DeliveryProductDTO[])
      : []
    plan.product = product ?? null
    const attempts = (await service.listDeliveryAttempts(
      { delivery_id: delivery.id, outcome: "sending" },
      { select: ["id", "kind"] }
    )) as unknown as { id: string; kind: string }[]
    const cutOff = attempts.filter((a) => a.kind === input.kind)
    plan.interrupted_ids = attempts.map((a) => a.id)
    const method = service.getMethods().get(delivery.method)
    if (cutOff.length && method.resendAfterUnknown === "never") {
      plan.send = false
    }
    // A revoke reaches the outside service only if something may have been delivered there:
    // delivered, unknown, or any attempt sent before (a timed-out request may have been carried out).
    const deliveredOutside =
      delivery.status === "delivered" ||
      delivery.outcome_unknown ||
      (input.kind === "revoke" &&
        (await service.listDeliveryAttempts({ delivery_id: delivery.id, kind: "deliver" }, { select: ["id"], take: 1 })).length > 0)
    plan.outside = input.kind === "deliver" || !method.remote || deliveredOutside
    // The database methods need only the delivery; outside services get the order's facts too.
    const order = method.remote ? await loadDeliveryOrder(container, delivery.order_id) : null
    plan.context = deliveryContext(delivery, order, delivery.attempts + 1)
    return new StepResponse(plan)
  }
)
