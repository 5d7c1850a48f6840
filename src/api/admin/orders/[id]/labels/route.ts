import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { buyShippingLabelWorkflow } from "../../../../../workflows/labels/workflows/buy-shipping-label"
import { refetchShipment } from "../../../shipments/helpers"
import { listOrderLabels, retrieveLabel } from "../../../labels/helpers"
import type { AdminBuyLabelType } from "../../../labels/validators"
import type { AdminBuyLabelResponse, AdminOrderLabelsResponse } from "../../../../../types"

/** The order's labels (the ledger), newest first. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminOrderLabelsResponse>) => {
  res.json({ labels: await listOrderLabels(req.scope, req.params.id) })
}

/**
 * Buys a label for the chosen rate and ships the items with it. Exactly
 * once per idempotency key (body `idempotency_key`, the `Idempotency-Key`
 * header, or else the carrier and rate): a repeat answers 200 with the label
 * already bought.
 */
export const POST = async (req: AuthenticatedMedusaRequest<AdminBuyLabelType>, res: MedusaResponse<AdminBuyLabelResponse>) => {
  const body = req.validatedBody
  const header = req.headers["idempotency-key"]
  const key =
    body.idempotency_key ??
    (typeof header === "string" && header.trim() ? header.trim() : `${body.carrier}:${body.rate.rate_id}`)
  const { carrier, rate, ...rest } = body
  const { result } = await buyShippingLabelWorkflow(req.scope).run({
    input: {
      ...rest,
      carrier,
      rate: { ...rate },
      order_id: req.params.id,
      idempotency_key: key,
      actor_id: req.auth_context.actor_id,
    },
  })
  const label = await retrieveLabel(req.scope, result.label_id)
  const shipment = label.shipment_id ? await refetchShipment(req.scope, label.shipment_id) : null
  res.status(result.created ? 201 : 200).json({ label, shipment })
}
