import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { SHIPMENT_MODULE } from "../../../modules/shipment"
import type ShipmentModuleService from "../../../modules/shipment/service"
import type { ShippingLabelDTO } from "../../../types"

/** A label as the API shows it: the amount as a plain number. */
export function serializeLabel(label: ShippingLabelDTO): ShippingLabelDTO {
  const { raw_amount, ...rest } = label as ShippingLabelDTO & { raw_amount?: unknown }
  void raw_amount
  return { ...rest, amount: label.amount === null || label.amount === undefined ? null : Number(label.amount) }
}

/** @throws MedusaError NOT_FOUND */
export async function retrieveLabel(scope: MedusaContainer, id: string): Promise<ShippingLabelDTO> {
  const service = scope.resolve<ShipmentModuleService>(SHIPMENT_MODULE)
  const [label] = (await service.listShippingLabels({ id })) as unknown as ShippingLabelDTO[]
  if (!label) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Shipping label with id: ${id} was not found`)
  }
  return serializeLabel(label)
}

/** An order's labels, newest first. */
export async function listOrderLabels(scope: MedusaContainer, orderId: string): Promise<ShippingLabelDTO[]> {
  const service = scope.resolve<ShipmentModuleService>(SHIPMENT_MODULE)
  const labels = (await service.listShippingLabels(
    { order_id: orderId },
    { order: { created_at: "DESC" } }
  )) as unknown as ShippingLabelDTO[]
  return labels.map(serializeLabel)
}
