import type { HttpTypes } from "@medusajs/framework/types"
import type { AdminRate, ParcelTemplateDTO, ShippingLabelDTO } from "../label"
import type { CarrierCode } from "../../modules/shipment/carriers/types"
import type { AdminShipment } from "./shipments"

/** `POST /admin/orders/:id/rates` */
export type AdminRatesResponse = {
  rates: AdminRate[]
  errors: { carrier: CarrierCode; message: string }[]
}

/** `GET /admin/labels/:id`, its refund status */
export type AdminLabelResponse = { label: ShippingLabelDTO }
/** `POST /admin/orders/:id/labels`: the shipment is null while the label has none (not bought). */
export type AdminBuyLabelResponse = { label: ShippingLabelDTO; shipment: AdminShipment | null }
/** `POST /admin/labels/:id/void`: the shipment is null for a label that never had one. */
export type AdminVoidLabelResponse = { label: ShippingLabelDTO; shipment: AdminShipment | null }
/** `GET /admin/orders/:id/labels` */
export type AdminOrderLabelsResponse = { labels: ShippingLabelDTO[] }

/** `GET /admin/parcel-templates` */
export type AdminParcelTemplatesResponse = { parcel_templates: ParcelTemplateDTO[]; count: number }
/** `POST /admin/parcel-templates`, `POST /admin/parcel-templates/:id` */
export type AdminParcelTemplateResponse = { parcel_template: ParcelTemplateDTO }
/** `DELETE /admin/parcel-templates/:id` */
export type AdminDeleteParcelTemplateResponse = HttpTypes.DeleteResponse<"parcel_template">
