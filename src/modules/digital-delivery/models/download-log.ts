import { model } from "@medusajs/framework/utils"

/**
 * One download served through a download link: when, from which IP address
 * and with which user agent. Written in the same statement that takes the
 * download off its grant, so every counted download has its line (the
 * evidence pack of a dispute lists them).
 */
export const DownloadLog = model
  .define("download_log", {
    id: model.id({ prefix: "dlog" }).primaryKey(),
    grant_id: model.text(),
    delivery_id: model.text(),
    order_id: model.text(),
    file_id: model.text(),
    filename: model.text().nullable(),
    ip: model.text().nullable(),
    user_agent: model.text().nullable(),
    downloaded_at: model.dateTime(),
  })
  .indexes([
    { name: "IDX_download_log_order_id", on: ["order_id", "downloaded_at"], where: "deleted_at IS NULL" },
    { name: "IDX_download_log_grant_id", on: ["grant_id"], where: "deleted_at IS NULL" },
  ])
