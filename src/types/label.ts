import type {
  CarrierAddress,
  CarrierCode,
  CarrierRate,
  CustomsContentsType,
  DistanceUnit,
  LabelFormat,
  MassUnit,
  RefundStatus,
  SignatureOption,
} from "../modules/shipment/carriers/types"

export type {
  CarrierAddress,
  CarrierCode,
  CarrierRate,
  CustomsContentsType,
  DistanceUnit,
  LabelFormat,
  MassUnit,
  RefundStatus,
  SignatureOption,
}

/** A named package merchants pick in the carrier drawer. */
export type ParcelTemplateDTO = {
  id: string
  name: string
  length: number
  width: number
  height: number
  distance_unit: DistanceUnit
  weight: number
  mass_unit: MassUnit
  is_default: boolean
  created_at: string | Date
  updated_at: string | Date
}

/**
 * Where a purchase stands: `purchasing` while the carrier is asked;
 * `purchased`; `unknown` when the carrier may have sold a label we could not
 * record (reconciled by a job, never silently lost); `failed` when the carrier
 * refused; `voided` once voided.
 */
export const LABEL_STATUSES = ["purchasing", "purchased", "unknown", "failed", "voided"] as const
export type LabelStatus = (typeof LABEL_STATUSES)[number]

/** One bought (or attempted) label: the label ledger. */
export type ShippingLabelDTO = {
  id: string
  order_id: string
  shipment_id: string | null
  fulfillment_id: string | null
  carrier: CarrierCode
  carrier_name: string | null
  service: string | null
  service_code: string | null
  rate_id: string
  provider_shipment_id: string | null
  provider_label_id: string | null
  provider_refund_id: string | null
  tracking_number: string | null
  tracking_url: string | null
  /** The carrier-hosted file, when the carrier hosts one. */
  label_url: string | null
  /** Our copy, stored through Medusa's file module. */
  file_id: string | null
  file_url: string | null
  label_format: LabelFormat
  /** Cost in major units. */
  amount: number | null
  currency_code: string | null
  status: LabelStatus
  refund_status: RefundStatus
  idempotency_key: string
  is_test: boolean
  error: string | null
  /** The rate request (addresses, parcels, options) the label was bought with. */
  request: Record<string, unknown> | null
  /** Purchase attempts (a retry looks at the carrier first), or follow-up attempts. */
  attempts: number
  purchased_at: string | Date | null
  voided_at: string | Date | null
  refund_checked_at: string | Date | null
  next_check_at: string | Date | null
  created_at: string | Date
  updated_at: string | Date
}

/** A carrier as the admin sees it. */
export type CarrierInfo = {
  code: CarrierCode
  name: string
  /** Live carriers buy real labels; the sandbox never does. */
  live: boolean
  pushes_tracking: boolean
  /** The label files it prints, its default first. */
  label_formats: LabelFormat[]
}

/** A rate, tagged with the carrier that quoted it. */
export type AdminRate = CarrierRate & { carrier: CarrierCode }

/** Suggested defaults for the carrier drawer. */
export type LabelDefaultsDTO = {
  from: CarrierAddress | null
  to: CarrierAddress | null
  location_id: string | null
  international: boolean
  currency_code: string
  is_test: boolean
  carriers: CarrierInfo[]
  parcel_templates: ParcelTemplateDTO[]
  label_formats: LabelFormat[]
}
