import { model } from "@medusajs/framework/utils"

/**
 * Makes a product variant digital: how its items are delivered and the
 * method's settings (files, code pool, webhook URL and secret, RCON server,
 * Discord bot). One per variant.
 */
export const DeliveryProduct = model
  .define("delivery_product", {
    id: model.id({ prefix: "dprod" }).primaryKey(),
    variant_id: model.text(),
    product_id: model.text().nullable(),
    title: model.text().nullable(),
    // A code of the method registry (methods/index.ts), checked where products are written.
    method: model.text(),
    settings: model.json(),
    enabled: model.boolean().default(true),
  })
  .indexes([
    { name: "IDX_delivery_product_variant_id_unique", on: ["variant_id"], unique: true, where: "deleted_at IS NULL" },
  ])
