import { z } from "@medusajs/framework/zod"
import { pageParams } from "../../utils/page-params"

const required = (field: string) =>
  z.string({ error: `${field} is required` }).trim().min(1, { error: `${field} is required` })

/** `POST /admin/test-orders`: everything optional; defaults are filled in server-side. */
export const AdminPlaceTestOrder = z
  .object({
    items: z
      .array(
        z
          .object({
            variant_id: required("items[].variant_id"),
            quantity: z.number({ error: "items[].quantity must be a number" }),
          })
          .strict()
      , { error: "items must be a list of { variant_id, quantity }" })
      .min(1, { error: "items: give at least one item, or omit items for a random mix" })
      .superRefine((items, ctx) => {
        items.forEach((item, i) => {
          if (!Number.isInteger(item.quantity) || item.quantity < 1) {
            ctx.addIssue({
              code: "custom",
              path: [i, "quantity"],
              message: `items[${i}].quantity must be a whole number of at least 1`,
            })
          }
        })
      })
      .optional(),
    region_id: required("region_id").optional(),
    customer_id: required("customer_id").optional(),
    email: z.email({ error: "email must be an email address" }).optional(),
    shipping_address: z
      .object({
        first_name: required("shipping_address.first_name"),
        last_name: required("shipping_address.last_name"),
        address_1: required("shipping_address.address_1"),
        city: required("shipping_address.city"),
        postal_code: required("shipping_address.postal_code"),
        country_code: z
          .string({ error: "shipping_address.country_code is required" })
          .trim()
          .length(2, { error: "shipping_address.country_code must be a 2-letter ISO code" })
          .toLowerCase(),
      }, { error: "shipping_address must be an address object" })
      .strict()
      .optional(),
    shipping_option_id: required("shipping_option_id").optional(),
    payment: z.enum(["paid", "unpaid"], { error: "payment must be paid or unpaid" }).optional(),
  })
  .strict()
export type AdminPlaceTestOrderType = z.infer<typeof AdminPlaceTestOrder>

/** `GET /admin/test-orders` */
export const AdminListTestOrders = z
  .object({
    ...pageParams(20, 100),
  })
  .strict()
export type AdminListTestOrdersType = z.infer<typeof AdminListTestOrders>
