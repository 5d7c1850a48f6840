import type { Readable } from "node:stream"
import { pipeline } from "node:stream/promises"
import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { DIGITAL_DELIVERY_MODULE } from "../../../modules/digital-delivery"
import type DigitalDeliveryModuleService from "../../../modules/digital-delivery/service"
import { requestClient } from "../../../utils/request-client"

/**
 * Serves a download link: the token's HMAC is checked (forged → 403), the
 * grant looked at (expired, revoked or used up → 410), the file opened from
 * Medusa's file module; once it is readable, one download is taken off the
 * grant in a single conditional UPDATE (410 if another took the last one),
 * and the file is streamed. A client that aborts closes the file stream.
 * Each counted download is logged with the client's IP address and user
 * agent (evidence for a chargeback).
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
  const grant = (await service.listDownloadGrants({ id: claims.grant_id }, { select: ["id", "file_id", "revoked_at", "remaining_downloads", "expires_at"] }))[0] as
    | { file_id: string; revoked_at: Date | null; remaining_downloads: number; expires_at: Date }
    | undefined
  if (!grant || grant.revoked_at || grant.remaining_downloads <= 0 || new Date(grant.expires_at).getTime() <= Date.now()) {
    res.status(410).json({ type: "gone", message: "This download link has expired, been used up or been revoked" })
    return
  }
  // The file is opened first and the download counted only once it is readable: a file that
  // cannot be read costs the customer nothing.
  const stream = await req.scope.resolve(Modules.FILE).getDownloadStream(grant.file_id)
  try {
    await waitUntilReadable(stream)
  } catch (error) {
    stream.destroy()
    throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `The file of this download could not be read: ${(error as Error).message}`)
  }
  // One download off the grant in one conditional UPDATE: concurrent downloads never exceed it.
  const taken = await service.consumeDownload(claims.grant_id, requestClient(req))
  if (!taken) {
    stream.destroy()
    res.status(410).json({ type: "gone", message: "This download link has expired, been used up or been revoked" })
    return
  }
  const filename = (taken.filename ?? taken.file_id).replace(/["\r\n]/g, "")
  res.setHeader("Content-Type", "application/octet-stream")
  res.setHeader("Content-Disposition", `attachment; filename="${filename}"`)
  res.setHeader("Cache-Control", "private, no-store")
  res.setHeader("X-Downloads-Remaining", String(taken.remaining_downloads))
  try {
    // A client that goes away mid-transfer: pipeline destroys the file stream and settles.
    await pipeline(stream, res)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ERR_STREAM_PREMATURE_CLOSE") {
      throw error
    }
  }
}

/** Resolves once a stream has data (or has ended), rejects if it errors first. */
function waitUntilReadable(stream: Readable): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (error?: Error) => {
      stream.off("readable", onReadable)
      stream.off("end", onReadable)
      stream.off("error", done)
      if (error) {
        reject(error)
      } else {
        resolve()
      }
    }
    const onReadable = () => done()
    stream.once("readable", onReadable)
    stream.once("end", onReadable)
    stream.once("error", done)
  })
}

