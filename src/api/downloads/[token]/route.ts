import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { serveDownload } from "../../store/downloads/handler"

/**
 * The same download link without a publishable key, for emails: Medusa
 * requires the key header on every `/store` route, which a link in an email
 * cannot send. The signed token is the credential.
 */
export const GET = (req: MedusaRequest, res: MedusaResponse) => serveDownload(req, res)
