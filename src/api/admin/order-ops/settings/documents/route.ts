import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { ORDER_DOCUMENT_MODULE } from "../../../../../modules/order-document"
import type OrderDocumentModuleService from "../../../../../modules/order-document/service"
import { ORDER_OPS_SETTINGS_MODULE } from "../../../../../modules/order-ops-settings"
import type OrderOpsSettingsModuleService from "../../../../../modules/order-ops-settings/service"
import type { AdminDocumentSettings } from "../../../../../types/order-document"
import { LIVE_INVOICE_SERIES } from "../../../../../workflows/order-ops-settings/steps/advance-invoice-number"
import { saveDocumentSettingsWorkflow } from "../../../../../workflows/order-ops-settings/workflows/save-document-settings"
import type { AdminSaveDocumentSettingsType } from "./validators"

async function documentSettings(scope: MedusaContainer): Promise<AdminDocumentSettings> {
  const { id: _id, ...values } = await scope.resolve<OrderOpsSettingsModuleService>(ORDER_OPS_SETTINGS_MODULE).getDocumentSettingsValues()
  const next = await scope.resolve<OrderDocumentModuleService>(ORDER_DOCUMENT_MODULE).getNextInvoiceNumber(LIVE_INVOICE_SERIES)
  const [store] = await scope.resolve(Modules.STORE).listStores({}, { select: ["name"], take: 1 })
  let logoUrl: string | null = null
  if (values.logo_file_id) {
    logoUrl = await scope
      .resolve(Modules.FILE)
      .retrieveFile(values.logo_file_id)
      .then((f) => f.url ?? null)
      .catch(() => null)
  }
  return { ...values, logo_url: logoUrl, next_invoice_number: next, store_default_name: store?.name ?? null }
}

/** Settings → Documents: the seller, logo, invoice prefix and the next invoice number. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<{ settings: AdminDocumentSettings }>) => {
  res.json({ settings: await documentSettings(req.scope) })
}

/** Saves the fields sent (400 naming the field, nothing written); the answer is the settings now in force. */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminSaveDocumentSettingsType>,
  res: MedusaResponse<{ settings: AdminDocumentSettings }>
) => {
  await saveDocumentSettingsWorkflow(req.scope).run({ input: req.validatedBody })
  res.json({ settings: await documentSettings(req.scope) })
}
