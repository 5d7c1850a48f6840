import { z } from "@medusajs/framework/zod"
import { CARRIER_CODES } from "../../../../modules/shipment/carriers/registry"
import { pageParams } from "../../../utils/page-params"
import { LABEL_BATCH_FORMATS, LABEL_BATCH_RULE_TYPES } from "../../../../types/label-batch"
import {
  refineListFilters,
  selectionFields,
  toListQuery,
} from "../../../../workflows/order-documents/utils/export-params"

/** Most orders one label batch may buy for. */
export const MAX_LABEL_BATCH_ORDERS = 1000

const carrier = z.enum(CARRIER_CODES, { error: `carrier must be one of ${CARRIER_CODES.join(", ")}` })

const serviceCode = (c: string) =>
  z
    .string({ error: `rule.services.${c} must be a service code` })
    .trim()
    .min(1, { error: `rule.services.${c} must be a service code` })
    .max(100, { error: `rule.services.${c} is longer than 100 characters` })

/** How each order's rate is picked: cheapest, fastest, or a named service per carrier. */
const LabelBatchRuleSchema = z.discriminatedUnion(
  "type",
  [
    z.object({ type: z.literal("cheapest") }).strict(),
    z.object({ type: z.literal("fastest") }).strict(),
    z
      .object({
        type: z.literal("service"),
        services: z
          .record(z.string(), z.string({ error: "rule.services must map carriers to service codes" }), {
            error: `rule.services must name a service per carrier, e.g. { "shippo": "usps_priority" }`,
          })
          .superRefine((services, ctx) => {
            for (const [code, service] of Object.entries(services)) {
              if (!(CARRIER_CODES as readonly string[]).includes(code)) {
                ctx.addIssue({ code: "custom", path: [code], message: `rule.services.${code}: not a carrier (one of ${CARRIER_CODES.join(", ")})` })
              } else if (!serviceCode(code).safeParse(service).success) {
                ctx.addIssue({ code: "custom", path: [code], message: `rule.services.${code} must be a service code of at most 100 characters` })
              }
            }
          })
          .transform((services) => {
            const named: Partial<Record<(typeof CARRIER_CODES)[number], string>> = {}
            for (const code of CARRIER_CODES) {
              if (services[code]?.trim()) {
                named[code] = services[code].trim()
              }
            }
            return named
          })
          .refine((s) => Object.values(s).some(Boolean), { error: "rule.services must name at least one carrier's service" }),
      })
      .strict(),
  ],
  { error: `rule.type must be one of ${LABEL_BATCH_RULE_TYPES.join(", ")}` }
)

/**
 * `POST /admin/order-ops/label-batches`: the selected orders (`order_ids`)
 * or all matching the Order operations list's `filters` (as for the other
 * bulk actions), a parcel template, the rule and the label format.
 */
export const AdminCreateLabelBatch = z
  .object({
    ...selectionFields,
    order_ids: selectionFields.order_ids.unwrap()
      .max(MAX_LABEL_BATCH_ORDERS, { error: `order_ids can name at most ${MAX_LABEL_BATCH_ORDERS} orders in one batch` })
      .optional(),
    parcel_template_id: z
      .string({ error: "parcel_template_id is required: the parcel every label is bought for" })
      .trim()
      .min(1, { error: "parcel_template_id is required: the parcel every label is bought for" }),
    rule: LabelBatchRuleSchema,
    carriers: z
      .array(carrier, { error: "carriers must be a list of carrier codes" })
      .min(1, { error: "carriers must name at least one carrier" })
      .optional(),
    label_format: z
      .enum(LABEL_BATCH_FORMATS, { error: `label_format must be one of ${LABEL_BATCH_FORMATS.join(", ")} (one file to print)` })
      .default("PDF"),
    location_id: z.string({ error: "location_id must be a stock location id" }).min(1, { error: "location_id must be a stock location id" }).nullish(),
  })
  .strict()
  .superRefine(refineListFilters)
  .transform((value) => ({ ...value, filters: toListQuery(value.filters) }))
export type AdminCreateLabelBatchType = z.infer<typeof AdminCreateLabelBatch>

/** `GET /admin/order-ops/label-batches`: the newest batches first. */
export const AdminGetLabelBatchesParams = z.object({ ...pageParams(10, 100) }).strict()
export type AdminGetLabelBatchesParamsType = z.infer<typeof AdminGetLabelBatchesParams>
