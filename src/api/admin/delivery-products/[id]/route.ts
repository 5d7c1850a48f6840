import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import {
  deleteDeliveryProductWorkflow,
  saveDeliveryProductWorkflow,
} from "../../../../workflows/digital-delivery/workflows/catalog"
import { mergeSecrets, retrieveDeliveryProduct, serializeDeliveryProduct } from "../helpers"
import { SETTINGS_BY_METHOD, type AdminUpdateDeliveryProductType } from "../validators"
import type { AdminDeliveryProductResponse } from "../../../../types"
import type { HttpTypes } from "@medusajs/framework/types"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminDeliveryProductResponse>) => {
  res.json({ delivery_product: serializeDeliveryProduct(await retrieveDeliveryProduct(req.scope, req.params.id)) })
}

/** Updates a delivery product; secrets sent back masked (or left out) are kept. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateDeliveryProductType>, res: MedusaResponse<AdminDeliveryProductResponse>) => {
  const current = await retrieveDeliveryProduct(req.scope, req.params.id)
  const body = req.validatedBody
  const method = body.method ?? current.method
  let settings: Record<string, unknown> | undefined
  if (body.settings || body.method) {
    settings = mergeSecrets(method, method === current.method ? current.settings : {}, body.settings ?? current.settings)
    const parsed = SETTINGS_BY_METHOD[method].safeParse(settings)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      const path = ["settings", ...issue.path.map(String)].join(".")
      throw new MedusaError(MedusaError.Types.INVALID_DATA, issue.message.includes("settings.") ? issue.message : `${path}: ${issue.message}`)
    }
    settings = parsed.data as Record<string, unknown>
  }
  const { result } = await saveDeliveryProductWorkflow(req.scope).run({
    input: { id: current.id, method, ...(settings ? { settings } : {}), ...(body.enabled === undefined ? {} : { enabled: body.enabled }) },
  })
  res.json({ delivery_product: serializeDeliveryProduct(result) })
}

export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<HttpTypes.DeleteResponse<"delivery_product">>) => {
  await retrieveDeliveryProduct(req.scope, req.params.id)
  await deleteDeliveryProductWorkflow(req.scope).run({ input: { id: req.params.id } })
  res.json({ id: req.params.id, object: "delivery_product", deleted: true })
}
