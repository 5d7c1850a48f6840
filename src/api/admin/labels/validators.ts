import { z } from "@medusajs/framework/zod"
import { CARRIER_CODES, CARRIER_LABEL_FORMATS, CARRIER_REGISTRY } from "../../../modules/shipment/carriers/registry"
import {
  CUSTOMS_CONTENTS_TYPES,
  DISTANCE_UNITS,
  MASS_UNITS,
  SIGNATURE_OPTIONS,
  type LabelFormat,
} from "../../../modules/shipment/carriers/types"

const positive = (field: string) =>
  z
    .number({ error: `${field} must be a number` })
    .positive({ error: `${field} must be more than 0` })
    .max(100000, { error: `${field} is too large` })

const nonNegative = (field: string) =>
  z
    .number({ error: `${field} must be a number` })
    .min(0, { error: `${field} cannot be negative` })
    .max(10_000_000, { error: `${field} is too large` })

const text = (field: string, max: number) =>
  z.string({ error: `${field} must be text` }).trim().max(max, { error: `${field} is longer than ${max} characters` })

const country = (field: string) =>
  z
    .string({ error: `${field} must be a two-letter country code` })
    .trim()
    .regex(/^[A-Za-z]{2}$/, { error: `${field} must be a two-letter country code` })
    .transform((v) => v.toUpperCase())

/** A registered carrier (`carriers/registry.ts`). */
export const carrierCode = z.enum(CARRIER_CODES, { error: `carrier must be one of ${CARRIER_CODES.join(", ")}` })

/** A label format some carrier prints; which ones a given carrier prints is checked against its registry entry. */
export const labelFormat = z.enum(CARRIER_LABEL_FORMATS as [LabelFormat, ...LabelFormat[]], {
  error: `label_format must be one of ${CARRIER_LABEL_FORMATS.join(", ")}`,
})

/** A postal address in a label request. */
export const CarrierAddressSchema = (field: "from" | "to") =>
  z
    .object({
      name: text(`${field}.name`, 200).min(1, { error: `${field}.name is required` }),
      company: text(`${field}.company`, 200).nullish(),
      street1: text(`${field}.street1`, 200).min(1, { error: `${field}.street1 is required` }),
      street2: text(`${field}.street2`, 200).nullish(),
      city: text(`${field}.city`, 100).min(1, { error: `${field}.city is required` }),
      state: text(`${field}.state`, 100).nullish(),
      postal_code: text(`${field}.postal_code`, 20).min(1, { error: `${field}.postal_code is required` }),
      country_code: country(`${field}.country_code`),
      phone: text(`${field}.phone`, 50).nullish(),
      email: z.email({ error: `${field}.email must be an email address` }).nullish(),
    })
    .strict()

/** One package's size and weight. */
export const ParcelSchema = z
  .object({
    length: positive("parcels.length"),
    width: positive("parcels.width"),
    height: positive("parcels.height"),
    distance_unit: z.enum(DISTANCE_UNITS, { error: `parcels.distance_unit must be one of ${DISTANCE_UNITS.join(", ")}` }),
    weight: positive("parcels.weight"),
    mass_unit: z.enum(MASS_UNITS, { error: `parcels.mass_unit must be one of ${MASS_UNITS.join(", ")}` }),
  })
  .strict()

const labelRequestFields = {
  items: z
    .array(
      z
        .object({
          line_item_id: z.string({ error: "items.line_item_id is required" }).min(1, { error: "items.line_item_id is required" }),
          quantity: z
            .number({ error: "items.quantity must be a number" })
            .int({ error: "items.quantity must be a whole number" })
            .positive({ error: "items.quantity must be at least 1" }),
        })
        .strict()
    , { error: "items must be a list of items" })
    .min(1, { error: "items: choose at least one item" }),
  parcel_template_id: z.string().min(1, { error: "parcel_template_id must not be empty" }).nullish(),
  parcels: z.array(ParcelSchema, { error: "parcels must be a list" }).max(20, { error: "parcels: at most 20" }).nullish(),
  from: CarrierAddressSchema("from").nullish(),
  to: CarrierAddressSchema("to").nullish(),
  location_id: z.string().min(1, { error: "location_id must not be empty" }).nullish(),
  shipment_date: z.iso.date({ error: "shipment_date must be a date, e.g. 2026-12-01" }).nullish(),
  insurance_amount: nonNegative("insurance_amount").nullish(),
  declared_value: nonNegative("declared_value").nullish(),
  customs: z
    .object({
      contents_type: z.enum(CUSTOMS_CONTENTS_TYPES, {
        error: `customs.contents_type must be one of ${CUSTOMS_CONTENTS_TYPES.join(", ")}`,
      }),
      non_delivery: z.enum(["return", "abandon"], { error: "customs.non_delivery must be return or abandon" }).optional(),
      items: z
        .array(
          z
            .object({
              line_item_id: z.string().min(1, { error: "customs.items.line_item_id is required" }),
              hs_code: text("customs.items.hs_code", 20)
                .regex(/^[0-9.]{4,14}$/, { error: "customs.items.hs_code must be 4 to 14 digits" })
                .nullish(),
              origin_country: country("customs.items.origin_country").nullish(),
            })
            .strict()
        )
        .optional(),
    })
    .strict()
    .nullish(),
  dangerous_goods: z.boolean({ error: "dangerous_goods must be true or false" }).optional(),
  signature: z.enum(SIGNATURE_OPTIONS, { error: "signature must be standard or adult" }).nullish(),
}

/** `POST /admin/orders/:id/rates` */
export const AdminGetRates = z
  .object({ ...labelRequestFields, carrier: carrierCode.nullish() })
  .strict()
export type AdminGetRatesType = z.infer<typeof AdminGetRates>

/** The chosen rate, as the rates answer gave it. */
export const RateSchema = z
  .object({
    carrier: carrierCode.optional(),
    rate_id: z.string({ error: "rate.rate_id is required" }).min(1, { error: "rate.rate_id is required" }),
    provider_shipment_id: z.string({ error: "rate.provider_shipment_id is required" }),
    carrier_name: z.string({ error: "rate.carrier_name is required" }),
    service: z.string({ error: "rate.service is required" }),
    service_code: z.string({ error: "rate.service_code is required" }),
    amount: nonNegative("rate.amount"),
    currency_code: z.string({ error: "rate.currency_code is required" }).regex(/^[A-Za-z]{3}$/, { error: "rate.currency_code must be a 3-letter code" }),
    estimated_days: z.number({ error: "rate.estimated_days must be a number" }).nullable(),
    estimated_delivery_at: z.string({ error: "rate.estimated_delivery_at must be a date" }).nullable(),
  })
  .strict()

/** `POST /admin/orders/:id/labels` */
export const AdminBuyLabel = z
  .object({
    ...labelRequestFields,
    carrier: carrierCode,
    rate: RateSchema,
    label_format: labelFormat.optional(),
    idempotency_key: z
      .string({ error: "idempotency_key must be text" })
      .min(8, { error: "idempotency_key must be at least 8 characters" })
      .max(200, { error: "idempotency_key is longer than 200 characters" })
      .optional(),
  })
  .strict()
  .superRefine((body, ctx) => {
    const entry = CARRIER_REGISTRY[body.carrier]
    if (body.label_format && !(entry.label_formats as readonly string[]).includes(body.label_format)) {
      ctx.addIssue({
        code: "custom",
        path: ["label_format"],
        message: `label_format: ${entry.name} prints ${entry.label_formats.join(", ")} labels (got ${body.label_format})`,
      })
    }
  })

export type AdminBuyLabelType = z.infer<typeof AdminBuyLabel>

/** `POST /admin/parcel-templates` */
export const AdminCreateParcelTemplate = z
  .object({
    name: text("name", 100).min(1, { error: "name is required" }),
    length: positive("length"),
    width: positive("width"),
    height: positive("height"),
    distance_unit: z.enum(DISTANCE_UNITS, { error: `distance_unit must be one of ${DISTANCE_UNITS.join(", ")}` }),
    weight: positive("weight"),
    mass_unit: z.enum(MASS_UNITS, { error: `mass_unit must be one of ${MASS_UNITS.join(", ")}` }),
    is_default: z.boolean({ error: "is_default must be true or false" }).optional(),
  })
  .strict()
export type AdminCreateParcelTemplateType = z.infer<typeof AdminCreateParcelTemplate>

/** `POST /admin/parcel-templates/:id` */
export const AdminUpdateParcelTemplate = AdminCreateParcelTemplate.partial().strict()
export type AdminUpdateParcelTemplateType = z.infer<typeof AdminUpdateParcelTemplate>
