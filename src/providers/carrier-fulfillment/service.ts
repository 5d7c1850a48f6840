import { createHash } from "node:crypto"
import { AbstractFulfillmentProviderService, MedusaError } from "@medusajs/framework/utils"
import type {
  CalculatedShippingOptionPrice,
  CalculateShippingOptionPriceDTO,
  CreateFulfillmentResult,
  CreateShippingOptionDTO,
  FulfillmentDTO,
  FulfillmentItemDTO,
  FulfillmentOption,
  FulfillmentOrderDTO,
  ValidateFulfillmentDataContext,
} from "@medusajs/framework/types"
import { parsePluginOptions, type PluginOptions } from "../../options"
import { CARRIER_REGISTRY, createCarrierClients } from "../../modules/shipment/carriers/registry"
import type {
  CarrierAddress,
  CarrierClient,
  CarrierCode,
  LabelFormat,
  PurchasedLabel,
  RateRequest,
} from "../../modules/shipment/carriers/types"
import { toCarrierAddress } from "../../workflows/labels/utils/label-request"
import {
  buildParcel,
  listFulfillmentOptions,
  parseOptionData,
  pickRate,
  throwIfCurrencyMismatch,
  type CarrierOptionData,
  type ParcelItem,
} from "./utils"

/** The provider's identifier; registered with id `order-ops-carrier` its id is `order-ops-carrier_order-ops-carrier`. */
export const CARRIER_FULFILLMENT_IDENTIFIER = "order-ops-carrier"

/** How every checkout label's idempotency key begins. */
export const CHECKOUT_LABEL_KEY_PREFIX = "checkout:"

/**
 * The idempotency key of the label bought for a checkout fulfillment: the
 * order and exactly which items (and how many) it ships. Core deletes a
 * fulfillment whose provider call failed and creates a new one (a new id) on
 * the retry, so the key cannot be the fulfillment's id: it is what is being
 * fulfilled, the same on every retry of the same fulfillment.
 */
export function fulfillmentLabelKey(orderId: string, items: { line_item_id?: string | null; quantity?: unknown }[]): string {
  const lines = items
    .map((i) => `${i.line_item_id ?? ""}x${Number(i.quantity ?? 0)}`)
    .sort()
    .join(",")
  return `${CHECKOUT_LABEL_KEY_PREFIX}${orderId}:${createHash("sha256").update(lines).digest("hex").slice(0, 16)}`
}

/**
 * What this provider stores in a fulfillment's `data` once its label is
 * bought; the `order.fulfillment_created` subscriber records it in the label
 * ledger from here.
 */
export type CarrierFulfillmentData = {
  carrier: CarrierCode
  service_code: string | null
  rate_id: string
  provider_label_id: string
  provider_shipment_id: string
  tracking_number: string
  tracking_url: string | null
  amount: number
  currency_code: string
  label_format: LabelFormat
  service: string
  carrier_name: string
  /** Hosted label, or a `data:` URL for a label handed over as bytes (sandbox). */
  label_url: string | null
  idempotency_key: string
  international: boolean
  estimated_delivery_at: string | null
}

/** Test seams. */
export type CarrierFulfillmentDeps = {
  /** Replaces the clients built from the options. */
  clients?: Map<CarrierCode, CarrierClient>
}

type Address = Record<string, string | null | undefined>

const REQUIRED = ["street1", "city", "postal_code", "country_code"] as const

/** @throws MedusaError INVALID_DATA naming the first missing field of a checkout address. */
function requireAddress(field: "from" | "to", address: CarrierAddress | null): CarrierAddress {
  if (!address) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      field === "from"
        ? "from: the shipping option's stock location has no address; give it one to quote carrier rates"
        : "shipping_address: add a shipping address to the cart to see carrier rates"
    )
  }
  for (const key of REQUIRED) {
    if (!String(address[key] ?? "").trim()) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `${field === "from" ? "from" : "shipping_address"}.${key}: is required to quote carrier rates`
      )
    }
  }
  return { ...address, name: address.name || address.company || "Recipient" }
}

/**
 * Medusa fulfillment provider for our carriers: calculated shipping prices
 * at checkout from the carrier's live quote (the sandbox's in the demo), and
 * a label bought when a fulfillment is created with one of its options.
 * It builds its own carrier clients from the plugin options: a module
 * provider cannot resolve other modules.
 */
export class CarrierFulfillmentProviderService extends AbstractFulfillmentProviderService {
  static identifier = CARRIER_FULFILLMENT_IDENTIFIER

  protected readonly options_: PluginOptions
  protected readonly clients_: Map<CarrierCode, CarrierClient>

  /** @throws MedusaError INVALID_DATA for bad plugin options (fails the server start). */
  constructor(_container: Record<string, unknown>, options: unknown, deps: CarrierFulfillmentDeps = {}) {
    super()
    this.options_ = parsePluginOptions(options)
    this.clients_ = deps.clients ?? createCarrierClients(this.options_.carriers)
  }

  /** Carriers a shipping option may use: those configured and enabled for real orders (the sandbox only when enabled). */
  protected availableCarriers(): CarrierCode[] {
    return [...this.clients_.keys()].filter((code) => CARRIER_REGISTRY[code].enabledForRealOrders(this.options_.carriers))
  }

  protected client(code: CarrierCode): CarrierClient {
    const client = this.clients_.get(code)
    if (!client) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `data.carrier: "${code}" is not configured in this store`)
    }
    return client
  }

  /**
   * One option per service offered: the sandbox's three services (when
   * enabled) and a "cheapest rate" option per configured live carrier.
   */
  async getFulfillmentOptions(): Promise<FulfillmentOption[]> {
    return listFulfillmentOptions(this.availableCarriers())
  }

  /**
   * Accepts a shipping option's `data` naming an available carrier and, for
   * the sandbox, one of its services; a live carrier takes any service code.
   *
   * @throws MedusaError INVALID_DATA saying which field is wrong.
   */
  async validateOption(data: Record<string, unknown>): Promise<boolean> {
    parseOptionData(data, this.availableCarriers())
    return true
  }

  /**
   * Every option of this provider is priced by the carrier. Core calls this
   * (and not {@link validateOption}) when a calculated shipping option is
   * created or updated, so the option's `data` is checked here; an update
   * that leaves `data` alone passes.
   *
   * @throws MedusaError INVALID_DATA for option data this provider cannot use.
   */
  async canCalculate(option: CreateShippingOptionDTO): Promise<boolean> {
    if (option?.data) {
      parseOptionData(option.data, this.availableCarriers())
    }
    return true
  }

  /**
   * Stores on the shipping method what the label purchase needs later and
   * cannot look up then: the carrier and service, and the ship-from address
   * of the option's stock location.
   *
   * @throws MedusaError INVALID_DATA for option data this provider cannot use.
   */
  async validateFulfillmentData(
    optionData: Record<string, unknown>,
    data: Record<string, unknown>,
    context: ValidateFulfillmentDataContext
  ): Promise<Record<string, unknown>> {
    const option = parseOptionData(optionData, this.availableCarriers())
    const location = context?.from_location as { name?: string | null; address?: Address | null } | undefined
    return {
      ...data,
      carrier: option.carrier,
      service_code: option.service_code,
      from: toCarrierAddress(location?.address ?? null, location?.name ?? null),
    }
  }

  /**
   * Quotes the cart at the option's carrier: from the stock location's
   * address to the cart's shipping address, one parcel built from the items
   * (see `buildParcel`), priced with the option's service or the cheapest
   * quote. The sandbox quotes in the cart's currency; a live carrier's quote
   * must already be in it. Domestic parcels only: an international quote
   * needs a customs declaration, which a cart cannot give.
   *
   * @throws MedusaError INVALID_DATA when an address is missing or incomplete,
   *   the parcels are international, or the service gives no quote;
   *   NOT_ALLOWED when a live carrier quotes in another currency.
   */
  async calculatePrice(
    optionData: CalculateShippingOptionPriceDTO["optionData"],
    _data: CalculateShippingOptionPriceDTO["data"],
    context: CalculateShippingOptionPriceDTO["context"]
  ): Promise<CalculatedShippingOptionPrice> {
    const option = parseOptionData(optionData, this.availableCarriers())
    const location = context.from_location as { name?: string | null; address?: Address | null } | undefined
    const from = requireAddress("from", toCarrierAddress(location?.address ?? null, location?.name ?? null))
    const shippingAddress = (context.shipping_address ?? null) as Address | null
    const email = typeof context.email === "string" ? context.email : null
    const to = requireAddress("to", toCarrierAddress(shippingAddress, null, email))
    const currency = String(context.currency_code ?? "")
    if (!currency) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "currency_code: the cart has no currency")
    }
    const request = this.rateRequest(from, to, (context.items ?? []) as ParcelItem[], currency, null)
    const rate = pickRate(await this.client(option.carrier).getRates(request), option)
    throwIfCurrencyMismatch(rate, currency)
    return { calculated_amount: rate.amount, is_calculated_price_tax_inclusive: false }
  }

  /**
   * Buys the label for the fulfillment's items with the shipping method's
   * service, exactly once per fulfillment: the idempotency key names the
   * order and its items (see {@link fulfillmentLabelKey}), travels with the
   * purchase where the carrier keeps a reference (Shippo metadata, EasyPost
   * shipment reference), and the carrier is asked by it first whether an
   * earlier try already bought the label. A sandbox label, handed over as bytes, comes back
   * as a `data:` URL; the `order.fulfillment_created` subscriber stores the
   * file and records the ledger row and shipment.
   *
   * @throws MedusaError INVALID_DATA when the shipping method was not created
   *   through this provider (no carrier or ship-from address in its data) or
   *   an address is incomplete; the carrier's error when the purchase fails.
   */
  async createFulfillment(
    data: Record<string, unknown>,
    items: Partial<Omit<FulfillmentItemDTO, "fulfillment">>[],
    order: Partial<FulfillmentOrderDTO> | undefined,
    fulfillment: Partial<Omit<FulfillmentDTO, "provider_id" | "data" | "items">>
  ): Promise<CreateFulfillmentResult> {
    if (!fulfillment.id) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "fulfillment.id: is required to buy a label")
    }
    const option: CarrierOptionData = parseOptionData(data, [...this.clients_.keys()])
    const from = requireAddress("from", (data.from ?? null) as CarrierAddress | null)
    const delivery = (fulfillment.delivery_address ?? order?.shipping_address ?? null) as unknown as Address | null
    const to = requireAddress("to", toCarrierAddress(delivery, null, order?.email ?? null))

    const orderItems = new Map(((order?.items ?? []) as unknown as ({ id: string } & ParcelItem)[]).map((i) => [i.id, i]))
    const parcelItems: ParcelItem[] = items.map((item) => ({
      quantity: Number(item.quantity ?? 0),
      variant: orderItems.get(item.line_item_id ?? "")?.variant ?? null,
    }))
    const reference = order?.display_id ? `Order #${order.display_id}` : (order?.id ?? null)
    const request = this.rateRequest(from, to, parcelItems, String(order?.currency_code ?? "usd"), reference)

    const client = this.client(option.carrier)
    const idempotency_key = fulfillmentLabelKey(String(order?.id ?? fulfillment.id), items)
    const label_format = this.options_.carriers.label_format
    // Look before acting, by our key alone (the rates are new on every try):
    // a retry whose first answer was lost finds the label the carrier sold.
    const found = await client.findLabel({ rate_id: "", provider_shipment_id: "" }, idempotency_key)
    const keyed: RateRequest = { ...request, purchase_key: idempotency_key }
    const rate = found ? null : pickRate(await client.getRates(keyed), option)
    const label: PurchasedLabel = found ?? (await client.buyLabel({ rate: rate!, label_format, idempotency_key, request: keyed }))

    const label_url =
      label.label_url ??
      (label.label_file ? `data:${label.label_file.mime_type};base64,${label.label_file.content.toString("base64")}` : null)
    const result: CarrierFulfillmentData = {
      carrier: option.carrier,
      service_code: rate?.service_code ?? option.service_code ?? null,
      rate_id: rate?.rate_id ?? "",
      provider_label_id: label.provider_label_id,
      provider_shipment_id: label.provider_shipment_id,
      tracking_number: label.tracking_number,
      tracking_url: label.tracking_url,
      amount: label.amount,
      currency_code: label.currency_code,
      label_format: label.label_format,
      service: label.service,
      carrier_name: label.carrier_name,
      label_url,
      idempotency_key,
      international: from.country_code !== to.country_code,
      estimated_delivery_at: rate?.estimated_delivery_at ?? null,
    }
    return {
      data: result,
      labels: [{ tracking_number: label.tracking_number, tracking_url: label.tracking_url ?? "", label_url: label_url ?? "" }],
    }
  }

  /**
   * Voids the fulfillment's label at the carrier (the refund follows at the
   * carrier's pace). A fulfillment without a label has nothing to void.
   *
   * @throws the carrier's MedusaError when it refuses the void (the
   *   fulfillment then stays active).
   */
  async cancelFulfillment(data: Record<string, unknown>): Promise<Record<string, unknown>> {
    const stored = data as Partial<CarrierFulfillmentData>
    if (!stored.carrier || !stored.provider_label_id) {
      return {}
    }
    const result = await this.client(stored.carrier).voidLabel({
      provider_label_id: stored.provider_label_id,
      provider_shipment_id: stored.provider_shipment_id ?? "",
      tracking_number: stored.tracking_number ?? "",
      carrier_name: stored.carrier_name ?? stored.carrier,
    })
    return { ...result }
  }

  /**
   * No documents beyond the label, which is on the fulfillment's labels
   * (and stored through the file module by the subscriber).
   */
  async getFulfillmentDocuments(): Promise<never[]> {
    return []
  }

  /**
   * Return labels are not bought automatically: a return through this
   * provider is recorded without a label (the merchant buys one from the
   * order page or the customer ships it themselves).
   */
  async createReturnFulfillment(): Promise<CreateFulfillmentResult> {
    return { data: {}, labels: [] }
  }

  protected rateRequest(
    from: CarrierAddress,
    to: CarrierAddress,
    items: ParcelItem[],
    currency: string,
    reference: string | null
  ): RateRequest {
    if (from.country_code !== to.country_code) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `shipping_address.country_code: carrier rates at checkout cover domestic parcels (${from.country_code}) only; ` +
          "international parcels need a customs declaration"
      )
    }
    return { from, to, parcels: [buildParcel(items)], currency_code: currency.toUpperCase(), reference }
  }
}

export default CarrierFulfillmentProviderService
