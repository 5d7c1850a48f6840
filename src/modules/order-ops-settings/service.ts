import { MedusaService } from "@medusajs/framework/utils"
import { parsePluginOptions, type PluginOptions } from "../../options"
import { DocumentSettings, NotificationSetting, StaffAlertSetting } from "./models"
import { resolveNotificationSettings, type OrderOpsNotificationSettings } from "./registry"

/**
 * Owns what the merchant changes in the admin rather than in config:
 * customer notification switches and templates, staff alerts and their
 * recipients. A kind never saved follows the plugin options.
 */
/** Settings → Documents as stored (defaults when never saved). */
export type DocumentSettingsValues = {
  store_name: string | null
  address: string | null
  tax_ids: string[]
  logo_file_id: string | null
  invoice_prefix: string
}

/** Documents' settings before the merchant saves any. */
export const DEFAULT_DOCUMENT_SETTINGS: DocumentSettingsValues = {
  store_name: null,
  address: null,
  tax_ids: [],
  logo_file_id: null,
  invoice_prefix: "INV-",
}

class OrderOpsSettingsModuleService extends MedusaService({ NotificationSetting, StaffAlertSetting, DocumentSettings }) {
  protected options_: PluginOptions

  constructor(container: Record<string, unknown>, options: unknown) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    this.options_ = parsePluginOptions(options)
  }

  /** The settings in force: saved rows over the options' seed. */
  async getNotificationSettings(): Promise<OrderOpsNotificationSettings> {
    const [customer, staff] = await Promise.all([this.listNotificationSettings({}), this.listStaffAlertSettings({})])
    return resolveNotificationSettings(this.options_, customer, staff)
  }

  /** Settings → Documents in force: the saved row, or the defaults. */
  async getDocumentSettingsValues(): Promise<DocumentSettingsValues & { id: string | null }> {
    const [row] = await this.listDocumentSettings({ key: "default" }, { take: 1 })
    if (!row) {
      return { id: null, ...DEFAULT_DOCUMENT_SETTINGS }
    }
    return {
      id: row.id,
      store_name: row.store_name ?? null,
      address: row.address ?? null,
      tax_ids: Array.isArray(row.tax_ids) ? (row.tax_ids as unknown as string[]) : [],
      logo_file_id: row.logo_file_id ?? null,
      invoice_prefix: row.invoice_prefix ?? DEFAULT_DOCUMENT_SETTINGS.invoice_prefix,
    }
  }
}

export default OrderOpsSettingsModuleService
