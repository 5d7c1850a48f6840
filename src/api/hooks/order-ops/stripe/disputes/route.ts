import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import Stripe from "stripe"
import { ORDER_CASE_MODULE } from "../../../../../modules/order-case"
import type OrderCaseModuleService from "../../../../../modules/order-case/service"
import { applyStripeDisputeEventWorkflow } from "../../../../../workflows/order-case/workflows/disputes"
import type { StripeDisputeObject } from "../../../../../workflows/order-case/utils/stripe-dispute"

/** The dispute events this endpoint applies; any other type is acknowledged and ignored. */
export const STRIPE_DISPUTE_EVENTS = ["charge.dispute.created", "charge.dispute.updated", "charge.dispute.closed"]

// Only the webhook helpers are used: they verify locally and never call Stripe, so no API key is needed.
let stripe: Stripe | null = null
const stripeWebhooks = () => (stripe ??= new Stripe("sk_order_ops_signature_verification_only")).webhooks

/**
 * Stripe dispute events (`charge.dispute.created|updated|closed`), from a
 * Stripe webhook endpoint pointed at `/hooks/order-ops/stripe/disputes`.
 * The `Stripe-Signature` header is verified on the exact bytes received with
 * the official `stripe` library and the `disputes.stripe.webhook_secret`
 * option: unsigned, altered or stale deliveries (and every delivery while
 * no secret is set) are a 401 and nothing is written. A verified event is
 * applied exactly once per event id (a replay writes nothing).
 */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const service = req.scope.resolve<OrderCaseModuleService>(ORDER_CASE_MODULE)
  const secret = service.getDisputeOptions().stripe_webhook_secret
  const raw = (req as MedusaRequest & { rawBody?: Buffer | string }).rawBody
  const body = Buffer.isBuffer(raw) ? raw : Buffer.from(raw ?? "")
  const signature = req.headers["stripe-signature"]
  let event: Stripe.Event
  try {
    if (!secret || !body.length || typeof signature !== "string") {
      throw new Error("unsigned")
    }
    event = stripeWebhooks().constructEvent(body, signature, secret)
  } catch {
    throw new MedusaError(MedusaError.Types.UNAUTHORIZED, "The Stripe signature is missing or invalid")
  }
  if (!STRIPE_DISPUTE_EVENTS.includes(event.type)) {
    res.json({ received: true, applied: false, detail: `event type ${event.type} is not handled` })
    return
  }
  const { result } = await applyStripeDisputeEventWorkflow(req.scope).run({
    input: {
      event_id: event.id,
      type: event.type,
      dispute: event.data.object as unknown as StripeDisputeObject,
    },
  })
  res.json({
    received: true,
    outcome: result.outcome,
    replay: result.replay,
    detail: result.detail,
    dispute_id: result.dispute?.id ?? null,
  })
}
