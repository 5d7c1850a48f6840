import { createHash } from "node:crypto"
import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { OrderOpsEvents, type CarrierWebhookEventData } from "../../../../events"
import { SHIPMENT_MODULE } from "../../../../modules/shipment"
import type ShipmentModuleService from "../../../../modules/shipment/service"
import { CARRIER_REGISTRY, isCarrierCode } from "../../../../modules/shipment/carriers/registry"
import type { WebhookRequest } from "../../../../modules/shipment/carriers/types"

/**
 * Tracking webhooks from carriers (`/hooks/carriers/easypost`,
 * `/hooks/carriers/shippo?token=…`). The signature is checked on the exact
 * bytes received; anything unsigned, malformed or altered is a 401 and
 * nothing is written. A verified delivery goes to the inbox in one insert —
 * a replay hits its unique index and writes nothing — and is applied right
 * after by a subscriber (and a sweep job as a safety net), so the carrier
 * gets its 200 at once.
 */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const code = req.params.carrier
  const service = req.scope.resolve<ShipmentModuleService>(SHIPMENT_MODULE)
  if (!isCarrierCode(code) || CARRIER_REGISTRY[code].tracking !== "push") {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `No webhooks are taken for carrier "${req.params.carrier}"`)
  }
  const carrier = service.getCarrier(code)
  const raw = (req as MedusaRequest & { rawBody?: Buffer | string }).rawBody
  const request: WebhookRequest = {
    raw_body: Buffer.isBuffer(raw) ? raw : Buffer.from(raw ?? ""),
    headers: req.headers as WebhookRequest["headers"],
    query: (req.query ?? {}) as Record<string, unknown>,
  }
  if (!request.raw_body.length || !carrier.verifyWebhook(request)) {
    throw new MedusaError(MedusaError.Types.UNAUTHORIZED, "The webhook signature is missing or invalid")
  }
  let body: unknown
  try {
    body = JSON.parse(request.raw_body.toString("utf8"))
  } catch {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "body: the webhook body is not JSON")
  }
  const updates = carrier.parseWebhook(body, request)
  if (!updates.length) {
    res.json({ received: true, applied: false })
    return
  }
  const bodyId = (body as { id?: unknown })?.id
  const eventId =
    typeof bodyId === "string" && bodyId
      ? bodyId
      : createHash("sha256").update(request.raw_body).digest("hex")
  const written = await service.receiveWebhookEvents(code, [{ provider_event_id: eventId, updates }])
  if (written.length) {
    const data: CarrierWebhookEventData = { ids: written.map((r) => r.id), partition_keys: written.map((r) => r.partition_key) }
    await req.scope.resolve(Modules.EVENT_BUS).emit({ name: OrderOpsEvents.CARRIER_WEBHOOK_RECEIVED, data })
  }
  res.json({ received: true, duplicate: written.length === 0 })
}
