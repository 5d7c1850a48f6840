import { MedusaService } from "@medusajs/framework/utils"
import { parsePluginOptions, type PluginOptions } from "../../options"
import { NotificationSetting, StaffAlertSetting } from "./models"
import { resolveNotificationSettings, type OrderOpsNotificationSettings } from "./registry"

/**
 * Owns what the merchant changes in the admin rather than in config:
 * customer notification switches and templates, staff alerts and their
 * recipients. A kind never saved follows the plugin options.
 */
class OrderOpsSettingsModuleService extends MedusaService({ NotificationSetting, StaffAlertSetting }) {
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
}

export default OrderOpsSettingsModuleService
