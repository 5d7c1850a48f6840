import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { sendDeliveryInstructionsWorkflow } from "../../../../../../workflows/digital-delivery/workflows/send-delivery-instructions"
import type { AdminResendDeliveryResponse } from "../../../../../../types"

/** "Resend delivery instructions": an email with fresh download links, codes and notes. */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminResendDeliveryResponse>) => {
  const { result } = await sendDeliveryInstructionsWorkflow(req.scope).run({
    input: {
      order_id: req.params.id,
      idempotency_key: `order-ops-delivery-resend:${req.params.id}:${Date.now()}`,
      fresh_links: true,
      actor_id: req.auth_context.actor_id,
    },
  })
  res.json({
    sent: result.sent,
    reason: result.reason,
    downloads: result.instructions?.downloads.length ?? 0,
    codes: result.instructions?.codes.reduce((n, c) => n + c.codes.length, 0) ?? 0,
  })
}
