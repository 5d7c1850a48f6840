import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { ORDER_OPS_SETTINGS_MODULE } from "../../../modules/order-ops-settings"
import type OrderOpsSettingsModuleService from "../../../modules/order-ops-settings/service"

export { logoDataUrl } from "../pdf/logo"

/** The seller as documents print it (Settings → Documents over the store's name). */
export type DocumentSeller = {
  name: string
  address: string[]
  tax_ids: string[]
  /** The logo's bytes, or null without one (or when its file is gone). */
  logo: Buffer | null
  invoice_prefix: string
}

/**
 * Reads Settings → Documents for a document being made: the name (the
 * store's own when none was set), address lines, tax ids, logo bytes and
 * the invoice prefix. A logo whose file was removed is left out rather
 * than failing the document.
 */
export async function loadDocumentSeller(container: MedusaContainer): Promise<DocumentSeller> {
  const settings = await container.resolve<OrderOpsSettingsModuleService>(ORDER_OPS_SETTINGS_MODULE).getDocumentSettingsValues()
  const [store] = await container.resolve(Modules.STORE).listStores({}, { select: ["name"], take: 1 })
  let logo: Buffer | null = null
  if (settings.logo_file_id) {
    logo = await container
      .resolve(Modules.FILE)
      .getAsBuffer(settings.logo_file_id)
      .catch(() => null)
  }
  return {
    name: settings.store_name?.trim() || store?.name || "Store",
    address: (settings.address ?? "").split("\n").map((l) => l.trim()).filter(Boolean),
    tax_ids: settings.tax_ids,
    logo,
    invoice_prefix: settings.invoice_prefix,
  }
}

