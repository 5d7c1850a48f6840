/**
 * Shapes of the plugin's admin API, as the widgets read them: the server's own
 * types (`src/types`), as they arrive over JSON. Type imports only, so nothing
 * of the server reaches the admin bundle.
 */
import type * as Server from "../../types"
import type { Jsonified } from "../../types/http/jsonified"
import type { OrderFulfillmentStatusValue, OrderPaymentStatusValue } from "../../modules/order-status/statuses"
import type { ShipmentStatusValue, ShippingPointValue } from "../../modules/shipment/state-machine"
import type { z } from "@medusajs/framework/zod"
import type { AdminGetOrderOpsOrdersParamsType } from "../../api/admin/order-ops/orders/validators"
import type { AdminCreateShipment, AdminCreateShipmentEvent, AdminUpdateShipment } from "../../api/admin/shipments/validators"
import type { AdminPlaceTestOrder } from "../../api/admin/test-orders/validators"
import type { AdminBuyLabel, AdminCreateParcelTemplate, AdminGetRates } from "../../api/admin/labels/validators"

export type {
  CarrierAddress,
  CarrierCode,
  CustomsContentsType,
  DistanceUnit,
  LabelFormat,
  LabelStatus,
  MassUnit,
  RefundStatus,
  SignatureOption,
} from "../../types"

export type OrderFulfillmentStatus = OrderFulfillmentStatusValue
export type OrderPaymentStatus = OrderPaymentStatusValue
export type ShipmentStatus = ShipmentStatusValue
export type ShippingPoint = ShippingPointValue

// Notes and timeline
export type AdminOrderNoteRevision = Jsonified<Server.AdminOrderNoteRevision>
export type AdminOrderNote = Jsonified<Server.AdminOrderNote>
export type AdminOrderNotesResponse = Jsonified<Server.AdminOrderNotesResponse>
export type AdminTimelineEntry = Jsonified<Server.AdminTimelineEntry>
export type AdminOrderTimelineResponse = Jsonified<Server.AdminOrderTimelineResponse>

// Shipments and statuses
export type AdminOrderStatusSummary = Pick<Server.OrderStatusDTO, "fulfillment_status" | "payment_status">
export type AdminShipmentEvent = Jsonified<Server.AdminShipmentEvent>
export type AdminShipment = Jsonified<Server.AdminShipment>
export type AdminFulfillableItem = Server.AdminFulfillableItem
export type AdminCarrier = Server.AdminCarrier
export type AdminOrderShipmentsResponse = Jsonified<Server.AdminOrderShipmentsResponse>
export type AdminShipmentResponse = Jsonified<Server.AdminShipmentResponse>
export type AdminShipmentEventResponse = Jsonified<Server.AdminShipmentEventResponse>
export type AdminOrderStatusResponse = Jsonified<Server.AdminOrderStatusResponse>
export type AdminCreateShipmentBody = z.input<typeof AdminCreateShipment>
/** Only the fields that change; null clears one. */
export type AdminUpdateShipmentBody = z.input<typeof AdminUpdateShipment>
export type AdminShipmentEventBody = z.input<typeof AdminCreateShipmentEvent>

// The Order operations list
export type OrderOpsSort = NonNullable<AdminGetOrderOpsOrdersParamsType["order"]>
export type AdminOrderOpsListQuery = Jsonified<Partial<AdminGetOrderOpsOrdersParamsType>>
export type AdminOrderOpsRow = Jsonified<Server.AdminOrderOpsOrderRow>
export type AdminOrderOpsListResponse = Jsonified<Server.AdminOrderOpsListResponse>

// Test orders
export type TestOrderPaymentState = Server.TestOrderDTO["payment_state"]
export type AdminTestOrder = Jsonified<Server.AdminTestOrder>
/** Everything is optional: the server picks stock, region, customer and shipping. */
export type AdminPlaceTestOrderBody = z.input<typeof AdminPlaceTestOrder>
export type AdminPlaceTestOrderResponse = Jsonified<Server.AdminPlaceTestOrderResponse>
export type AdminTestOrdersResponse = Jsonified<Server.AdminTestOrdersResponse>
export type AdminOrderTestOrderResponse = Jsonified<Server.AdminOrderTestOrderResponse>
export type AdminDeleteTestOrderResponse = Server.AdminDeleteTestOrderResponse
export type AdminPurgeTestOrdersResponse = Server.AdminPurgeTestOrdersResponse

// Carrier labels and parcel templates
export type Parcel = Pick<
  Server.ParcelTemplateDTO,
  "length" | "width" | "height" | "distance_unit" | "weight" | "mass_unit"
>
export type AdminParcelTemplate = Jsonified<Server.ParcelTemplateDTO>
export type AdminCarrierInfo = Server.CarrierInfo
export type AdminRate = Server.AdminRate
export type AdminShippingLabel = Jsonified<Server.ShippingLabelDTO>
export type AdminLabelDefaults = Jsonified<Server.LabelDefaultsDTO>
/** What to quote: items, packages, addresses and options. */
export type AdminRatesBody = z.input<typeof AdminGetRates>
export type AdminRatesResponse = Server.AdminRatesResponse
export type AdminBuyLabelBody = z.input<typeof AdminBuyLabel>
export type AdminLabelResponse = Jsonified<Server.AdminLabelResponse>
export type AdminBuyLabelResponse = Jsonified<Server.AdminBuyLabelResponse>
export type AdminVoidLabelResponse = Jsonified<Server.AdminVoidLabelResponse>
export type AdminOrderLabelsResponse = Jsonified<Server.AdminOrderLabelsResponse>
export type AdminParcelTemplatesResponse = Jsonified<Server.AdminParcelTemplatesResponse>
export type AdminParcelTemplateResponse = Jsonified<Server.AdminParcelTemplateResponse>
export type AdminParcelTemplateBody = z.input<typeof AdminCreateParcelTemplate>
export type AdminDeleteParcelTemplateResponse = Server.AdminDeleteParcelTemplateResponse
