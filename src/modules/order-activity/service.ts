import { MedusaError, MedusaService } from "@medusajs/framework/utils"
import { OrderActivity } from "./models"
import { parsePluginOptions, type PluginOptions } from "../../options"

/**
 * Owns the append-only activity log. Entries are created and, only when the
 * workflow that wrote them is compensated, deleted; never edited.
 */
class OrderActivityModuleService extends MedusaService({ OrderActivity }) {
  protected readonly options_: PluginOptions

  constructor(container: Record<string, unknown>, options: unknown) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    this.options_ = parsePluginOptions(options)
  }

  /** The validated plugin options, defaults filled in. */
  getOptions(): PluginOptions {
    return this.options_
  }

  /**
   * Activity entries are history: they are never rewritten.
   *
   * @throws MedusaError NOT_ALLOWED always.
   */
  updateOrderActivities = async (..._args: unknown[]): Promise<never> => {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      "Order activity entries are append-only and cannot be updated"
    )
  }
}

export default OrderActivityModuleService
