import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { retrieveLabel } from "../../helpers"

const TYPES: Record<string, { mime: string; ext: string }> = {
  PDF: { mime: "application/pdf", ext: "pdf" },
  PNG: { mime: "image/png", ext: "png" },
  ZPL: { mime: "application/x-zpl", ext: "zpl" },
}

/** The label file (our copy in the file module), inline so the browser can print it. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const label = await retrieveLabel(req.scope, req.params.id)
  if (!label.file_id) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Label ${label.id} has no file`)
  }
  const content = await req.scope.resolve(Modules.FILE).getAsBuffer(label.file_id)
  const type = TYPES[label.label_format] ?? { mime: "application/octet-stream", ext: "bin" }
  res.setHeader("Content-Type", type.mime)
  res.setHeader("Content-Length", String(content.length))
  res.setHeader("Content-Disposition", `inline; filename="label-${label.tracking_number ?? label.id}.${type.ext}"`)
  res.setHeader("Cache-Control", "private, no-store")
  res.status(200).end(content)
}
