import { model } from "@medusajs/framework/utils"
import { DISTANCE_UNITS, MASS_UNITS } from "../carriers/types"

/** A named package (box, mailer) merchants pick when buying a label. */
export const ParcelTemplate = model
  .define("parcel_template", {
    id: model.id({ prefix: "pcl" }).primaryKey(),
    name: model.text(),
    length: model.float(),
    width: model.float(),
    height: model.float(),
    distance_unit: model.enum([...DISTANCE_UNITS]).default("cm"),
    weight: model.float(),
    mass_unit: model.enum([...MASS_UNITS]).default("kg"),
    is_default: model.boolean().default(false),
  })
  .indexes([
    { name: "IDX_parcel_template_name_unique", on: ["name"], unique: true, where: "deleted_at IS NULL" },
  ])
