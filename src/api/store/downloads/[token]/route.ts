import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { serveDownload } from "../handler"

/** A download link, for storefronts (with the publishable key header). */
export const GET = (req: MedusaRequest, res: MedusaResponse) => serveDownload(req, res)
