import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import { DIGITAL_DELIVERY_MODULE } from "../../../modules/digital-delivery"
import type DigitalDeliveryModuleService from "../../../modules/digital-delivery/service"
import type { AdminDeliveryMethodDTO } from "../../../types"

/** The delivery methods and their settings fields, from the one registry. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const methods = req.scope.resolve<DigitalDeliveryModuleService>(DIGITAL_DELIVERY_MODULE).getMethods()
  const delivery_methods: AdminDeliveryMethodDTO[] = methods.list().map((m) => ({
    code: m.code,
    label: m.label,
    remote: m.remote,
    emailed: m.emailed,
    resend_after_unknown: m.resendAfterUnknown,
    settings_fields: [...m.settingsFields],
    settings_schema: z.toJSONSchema(m.settingsSchema) as Record<string, unknown>,
  }))
  res.json({ delivery_methods, count: delivery_methods.length })
}
