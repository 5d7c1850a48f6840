import { model } from "@medusajs/framework/utils"
import { LICENSE_CODE_STATUSES } from "../methods/types"

/** A pool of license codes sold by one or more delivery products. */
export const LicensePool = model
  .define("license_pool", {
    id: model.id({ prefix: "lpool" }).primaryKey(),
    name: model.text(),
    description: model.text().nullable(),
    /** Warn when fewer than this many codes are left. */
    low_stock_threshold: model.number().default(10),
    codes: model.hasMany(() => LicenseCode, { mappedBy: "pool" }),
  })
  .indexes([{ name: "IDX_license_pool_name_unique", on: ["name"], unique: true, where: "deleted_at IS NULL" }])

/**
 * One code. Assigned exactly once: a code moves available → assigned (to one
 * delivery, in one conditional UPDATE) → revoked, and is never returned to
 * the pool. The code is unique in its pool.
 */
export const LicenseCode = model
  .define("license_code", {
    id: model.id({ prefix: "lcode" }).primaryKey(),
    code: model.text(),
    status: model.enum([...LICENSE_CODE_STATUSES]).default("available"),
    delivery_id: model.text().nullable(),
    assigned_at: model.dateTime().nullable(),
    revoked_at: model.dateTime().nullable(),
    pool: model.belongsTo(() => LicensePool, { mappedBy: "codes" }),
  })
  .indexes([
    { name: "IDX_license_code_pool_code_unique", on: ["pool_id", "code"], unique: true, where: "deleted_at IS NULL" },
    { name: "IDX_license_code_available", on: ["pool_id", "status"], where: "deleted_at IS NULL" },
    { name: "IDX_license_code_delivery_id", on: ["delivery_id"], where: "deleted_at IS NULL AND delivery_id IS NOT NULL" },
  ])
