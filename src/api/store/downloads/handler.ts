import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { DIGITAL_DELIVERY_MODULE } from "../../../modules/digital-delivery"
import type DigitalDeliveryModuleService from "../../../modules/digital-delivery/service"

/**
 * Serves a download link: the token's HMAC is checked (forged → 403), then
 * one download is taken off the grant in a single conditional UPDATE
 * (expired, revoked or used up → 410), then the file is streamed from
 * Medusa's file module.
 */
export async function serveDownload(req: MedusaRequest, res: MedusaResponse): Promise<void> {
  const service = req.scope.resolve<DigitalDeliveryModuleService>(DIGITAL_DELIVERY_MODULE)
  const claims = service.verifyDownloadToken(String(req.params.token ?? ""))
  if (!claims) {
    throw new MedusaError(MedusaError.Types.FORBIDDEN, "This download link is not valid")
  }
  if (claims.expires_at.getTime() <= Date.now()) {
    res.status(410).json({ type: "expired", message: "This download link has expired" })
    return
  }
  const taken = await service.consumeDownload(claims.grant_id)
  if (!taken) {
    res.status(410).json({ type: "gone", message: "This download link has expired, been used up or been revoked" })
    return
  }
  const files = req.scope.resolve(Modules.FILE)
  const stream = await files.getDownloadStream(taken.file_id)
  const filename = (taken.filename ?? taken.file_id).replace(/["\r\n]/g, "")
  res.setHeader("Content-Type", "application/octet-stream")
  res.setHeader("Content-Disposition", `attachment; filename="${filename}"`)
  res.setHeader("Cache-Control", "private, no-store")
  res.setHeader("X-Downloads-Remaining", String(taken.remaining_downloads))
  await new Promise<void>((resolve, reject) => {
    stream.on("error", reject)
    res.on("finish", () => resolve())
    stream.pipe(res)
  })
}
