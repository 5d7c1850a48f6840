import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { catalogueAsJsonSchema } from "../../../../../modules/order-webhook/catalogue"
import type { AdminWebhookEventTypesResponse } from "../../../../../types/webhooks"

/** The event catalogue with each payload's JSON Schema. */
export const GET = async (_req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminWebhookEventTypesResponse>) => {
  res.json({ event_types: catalogueAsJsonSchema() })
}
