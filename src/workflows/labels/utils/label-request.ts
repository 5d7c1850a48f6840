import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { SHIPMENT_MODULE } from "../../../modules/shipment"
import type ShipmentModuleService from "../../../modules/shipment/service"
import type {
  CarrierAddress,
  CarrierCode,
  CustomsContentsType,
  CustomsItem,
  Parcel,
  RateRequest,
  SignatureOption,
} from "../../../modules/shipment/carriers/types"
import type { ParcelTemplateDTO, ShipmentItem } from "../../../types"
import {
  fulfillableItems,
  throwIfInvalidShipmentRequest,
  toNumber,
} from "../../shipments/utils/validate-shipment-request"

/** What a merchant sends to get rates or buy a label (the drawer's form). */
export type LabelRequestInput = {
  order_id: string
  /** One carrier; every available one when omitted (rates only). */
  carrier?: CarrierCode | null
  items: { line_item_id: string; quantity: number }[]
  parcel_template_id?: string | null
  parcels?: Parcel[] | null
  from?: CarrierAddress | null
  to?: CarrierAddress | null
  location_id?: string | null
  shipment_date?: string | null
  insurance_amount?: number | null
  declared_value?: number | null
  customs?: {
    contents_type: CustomsContentsType
    non_delivery?: "return" | "abandon"
    items?: { line_item_id: string; hs_code?: string | null; origin_country?: string | null }[]
  } | null
  dangerous_goods?: boolean
  signature?: SignatureOption | null
}

/** The checked request, ready for a carrier, with what the purchase needs. */
export type PreparedLabelRequest = {
  order_id: string
  display_id: number | null
  currency_code: string
  is_test: boolean
  location_id: string | null
  shipping_option_id: string | null
  international: boolean
  items: ShipmentItem[]
  /** Carriers to ask: the requested one, or every one available for this order. */
  carriers: CarrierCode[]
  rate_request: RateRequest
}

type OrderRow = {
  id: string
  display_id?: number | null
  status: string
  canceled_at?: string | null
  currency_code: string
  email?: string | null
  sales_channel_id?: string | null
  shipping_address?: Record<string, string | null> | null
  shipping_methods?: { shipping_option_id?: string | null }[] | null
  items?: {
    id: string
    title?: string | null
    quantity?: unknown
    unit_price?: unknown
    detail?: { quantity?: unknown; fulfilled_quantity?: unknown } | null
    variant?: { weight?: number | null; hs_code?: string | null; origin_country?: string | null } | null
  }[]
}

const REQUIRED_ADDRESS_FIELDS = ["name", "street1", "city", "postal_code", "country_code"] as const

/** A Medusa address (order or stock location) as a carrier address. */
export function toCarrierAddress(
  address: Record<string, string | null | undefined> | null | undefined,
  fallbackName?: string | null,
  email?: string | null
): CarrierAddress | null {
  if (!address) {
    return null
  }
  const name = [address.first_name, address.last_name].filter(Boolean).join(" ") || address.company || fallbackName || ""
  return {
    name,
    company: address.company ?? null,
    street1: address.address_1 ?? "",
    street2: address.address_2 ?? null,
    city: address.city ?? "",
    state: address.province ?? null,
    postal_code: address.postal_code ?? "",
    country_code: (address.country_code ?? "").toUpperCase(),
    phone: address.phone ?? null,
    email: email ?? null,
  }
}

/** @throws MedusaError INVALID_DATA naming the first missing field, e.g. `from.postal_code`. */
export function throwIfIncompleteAddress(field: "from" | "to", address: CarrierAddress | null): CarrierAddress {
  if (!address) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      field === "from"
        ? "from: the ship-from address is missing; give the stock location an address or enter one"
        : "to: the order has no shipping address; enter the recipient's address"
    )
  }
  for (const key of REQUIRED_ADDRESS_FIELDS) {
    if (!String(address[key] ?? "").trim()) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `${field}.${key}: is required to buy a label`)
    }
  }
  return { ...address, country_code: address.country_code.toUpperCase() }
}

/** The default stock location of an order: the one its sales channel ships from first. */
async function loadShipFrom(
  container: MedusaContainer,
  order: OrderRow,
  locationId: string | null | undefined
): Promise<{ location_id: string | null; address: CarrierAddress | null }> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const fields = ["id", "name", "address.*"]
  let location: { id: string; name?: string | null; address?: Record<string, string | null> | null } | undefined
  if (locationId) {
    const { data } = await query.graph({ entity: "stock_location", fields, filters: { id: locationId } })
    location = data[0] as typeof location
    if (!location) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `location_id: stock location ${locationId} does not exist`)
    }
  } else if (order.sales_channel_id) {
    const { data } = await query.graph({
      entity: "sales_channel",
      fields: ["id", "stock_locations.id", "stock_locations.name", "stock_locations.address.*"],
      filters: { id: order.sales_channel_id },
    })
    location = (data[0]?.stock_locations ?? [])[0] as typeof location
  }
  if (!location) {
    return { location_id: null, address: null }
  }
  return { location_id: location.id, address: toCarrierAddress(location.address, location.name) }
}

/** The label-defaults view: addresses and order facts for the drawer. */
export async function loadLabelDefaults(container: MedusaContainer, orderId: string) {
  const order = await loadOrder(container, orderId)
  const shipFrom = await loadShipFrom(container, order, null)
  const to = toCarrierAddress(order.shipping_address, null, order.email)
  const isTest = await isTestOrder(container, orderId)
  return {
    order,
    from: shipFrom.address,
    location_id: shipFrom.location_id,
    to,
    international: Boolean(shipFrom.address && to && shipFrom.address.country_code !== to.country_code),
    currency_code: order.currency_code,
    is_test: isTest,
  }
}

async function loadOrder(container: MedusaContainer, orderId: string): Promise<OrderRow> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: [
      "id",
      "display_id",
      "status",
      "canceled_at",
      "currency_code",
      "email",
      "sales_channel_id",
      "shipping_address.*",
      "shipping_methods.shipping_option_id",
      "items.id",
      "items.title",
      "items.quantity",
      "items.unit_price",
      "items.detail.quantity",
      "items.detail.fulfilled_quantity",
      "items.variant.weight",
      "items.variant.hs_code",
      "items.variant.origin_country",
    ],
    filters: { id: orderId },
  })
  const order = data[0] as unknown as OrderRow | undefined
  if (!order) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order with id: ${orderId} was not found`)
  }
  return order
}

async function isTestOrder(container: MedusaContainer, orderId: string): Promise<boolean> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "test_order", fields: ["order_id"], filters: { order_id: orderId } })
  return data.length > 0
}

/**
 * Checks a label request against the order and turns it into a carrier
 * request: items against what is left to fulfil, complete addresses, a
 * parcel, customs for international parcels, and the test-order rule (a test
 * order only ever uses the sandbox carrier).
 *
 * @throws MedusaError INVALID_DATA naming the field; NOT_FOUND for an unknown order.
 */
export async function prepareLabelRequest(
  container: MedusaContainer,
  input: LabelRequestInput
): Promise<PreparedLabelRequest> {
  const shipments = container.resolve<ShipmentModuleService>(SHIPMENT_MODULE)
  const order = await loadOrder(container, input.order_id)
  const fulfillable = fulfillableItems(order.items ?? [])
  throwIfInvalidShipmentRequest(order, fulfillable, { items: input.items, shipping_point: "local" })
  const isTest = await isTestOrder(container, order.id)

  const available = shipments.listCarrierInfo(isTest).map((c) => c.code)
  if (input.carrier && !available.includes(input.carrier)) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      isTest
        ? `carrier: test orders can only use the sandbox carrier, never a live carrier ("${input.carrier}"), so no real label is ever bought for one`
        : `carrier: "${input.carrier}" is not available in this store`
    )
  }
  const carriers = input.carrier ? [input.carrier] : available
  if (!carriers.length) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "carrier: no carrier is configured in this store")
  }

  const shipFrom = await loadShipFrom(container, order, input.location_id)
  const from = throwIfIncompleteAddress("from", input.from ?? shipFrom.address)
  const to = throwIfIncompleteAddress("to", input.to ?? toCarrierAddress(order.shipping_address, null, order.email))

  let parcels: Parcel[] = input.parcels ?? []
  if (input.parcel_template_id) {
    const [template] = (await shipments.listParcelTemplates({ id: input.parcel_template_id })) as unknown as ParcelTemplateDTO[]
    if (!template) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `parcel_template_id: parcel template ${input.parcel_template_id} does not exist`
      )
    }
    const { length, width, height, distance_unit, weight, mass_unit } = template
    parcels = [{ length, width, height, distance_unit, weight, mass_unit }, ...parcels]
  }
  if (!parcels.length) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      "parcels: choose a parcel template or enter the parcel's size and weight"
    )
  }

  const byId = new Map((order.items ?? []).map((item) => [item.id, item]))
  const items: ShipmentItem[] = input.items.map((i) => ({
    line_item_id: i.line_item_id,
    title: byId.get(i.line_item_id)?.title ?? "Item",
    quantity: i.quantity,
  }))
  const international = from.country_code !== to.country_code
  const currency = order.currency_code.toUpperCase()

  let customs: RateRequest["customs"] = null
  if (international) {
    const totalWeight = parcels.reduce((n, p) => n + p.weight, 0)
    const unitWeight = totalWeight / Math.max(1, input.items.reduce((n, i) => n + i.quantity, 0))
    const declared = new Map((input.customs?.items ?? []).map((c) => [c.line_item_id, c]))
    const customsItems: CustomsItem[] = input.items.map((wanted, index) => {
      const item = byId.get(wanted.line_item_id)!
      const given = declared.get(wanted.line_item_id)
      const hsCode = (given?.hs_code ?? item.variant?.hs_code ?? "").trim()
      const origin = (given?.origin_country ?? item.variant?.origin_country ?? from.country_code).trim().toUpperCase()
      if (!hsCode) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `customs.items[${index}].hs_code: an international parcel needs an HS code for "${item.title ?? "Item"}"`
        )
      }
      if (!/^[A-Z]{2}$/.test(origin)) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `customs.items[${index}].origin_country: "${origin}" is not a two-letter country code`
        )
      }
      return {
        description: item.title ?? "Item",
        quantity: wanted.quantity,
        value: Math.round(toNumber(item.unit_price) * wanted.quantity * 100) / 100,
        currency_code: currency,
        weight: Math.round(unitWeight * wanted.quantity * 1000) / 1000,
        mass_unit: parcels[0].mass_unit,
        hs_code: hsCode,
        origin_country: origin,
      }
    })
    customs = {
      contents_type: input.customs?.contents_type ?? "merchandise",
      non_delivery: input.customs?.non_delivery ?? "return",
      signer: from.name,
      items: customsItems,
    }
  }

  return {
    order_id: order.id,
    display_id: order.display_id ?? null,
    currency_code: order.currency_code,
    is_test: isTest,
    location_id: input.location_id ?? shipFrom.location_id,
    shipping_option_id: order.shipping_methods?.find((m) => m.shipping_option_id)?.shipping_option_id ?? null,
    international,
    items,
    carriers,
    rate_request: {
      from,
      to,
      parcels,
      shipment_date: input.shipment_date ?? null,
      insurance: input.insurance_amount ? { amount: input.insurance_amount, currency_code: currency } : null,
      declared_value: input.declared_value ? { amount: input.declared_value, currency_code: currency } : null,
      customs,
      dangerous_goods: input.dangerous_goods ?? false,
      signature: input.signature ?? null,
      reference: order.display_id ? `Order #${order.display_id}` : order.id,
    },
  }
}
