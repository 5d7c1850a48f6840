import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { DIGITAL_DELIVERY_MODULE } from "../../../modules/digital-delivery"
import type DigitalDeliveryModuleService from "../../../modules/digital-delivery/service"
import { saveDeliveryProductWorkflow } from "../../../workflows/digital-delivery/workflows/catalog"
import type { DeliveryProductDTO } from "../../../workflows/digital-delivery/utils/types"
import { serializeDeliveryProduct } from "./helpers"
import type { AdminCreateDeliveryProductType } from "./validators"
import type { AdminDeliveryProductResponse, AdminDeliveryProductsResponse } from "../../../types"

/** Every delivery product, secrets masked. `?variant_id=` filters. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminDeliveryProductsResponse>) => {
  const service = req.scope.resolve<DigitalDeliveryModuleService>(DIGITAL_DELIVERY_MODULE)
  const filters = typeof req.query.variant_id === "string" ? { variant_id: req.query.variant_id } : {}
  const [products, count] = await service.listAndCountDeliveryProducts(filters, { order: { created_at: "DESC" } })
  res.json({ delivery_products: (products as unknown as DeliveryProductDTO[]).map(serializeDeliveryProduct), count })
}

/** Makes a variant digital. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateDeliveryProductType>, res: MedusaResponse<AdminDeliveryProductResponse>) => {
  const { result } = await saveDeliveryProductWorkflow(req.scope).run({ input: req.validatedBody })
  res.status(201).json({ delivery_product: serializeDeliveryProduct(result) })
}
