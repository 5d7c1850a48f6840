import { MedusaService } from "@medusajs/framework/utils"
import { parsePluginOptions, type PluginOptions } from "../../options"
import {
  exceptionThresholdsFromOptions,
  type ExceptionThresholds,
} from "../../workflows/order-case/utils/exception-rules"
import { CheckoutContext, Dispute, DisputeGatewayEvent, OrderHold, OrderLabel, OrderLabelAssignment } from "./models"

/**
 * Owns the order cases: holds, merchant order labels (definitions and the
 * one set per order), disputes per payment and the gateway dispute events
 * received. It never touches orders, payments or other modules; placing a
 * hold or recording a dispute is a workflow. Also keeps the client (IP
 * address, user agent) that completed each cart, for dispute evidence.
 */
class OrderCaseModuleService extends MedusaService({
  OrderHold,
  OrderLabel,
  OrderLabelAssignment,
  Dispute,
  DisputeGatewayEvent,
  CheckoutContext,
}) {
  protected readonly options_: PluginOptions

  constructor(container: Record<string, unknown>, options?: unknown) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    this.options_ = parsePluginOptions(options)
  }

  /** The exceptions inbox's thresholds, defaults filled in. */
  getExceptionThresholds(): ExceptionThresholds {
    return exceptionThresholdsFromOptions(this.options_.exceptions ?? {})
  }

  /** The dispute options with their defaults: Stripe's signing secret (if any) and the staff alert. */
  getDisputeOptions() {
    return {
      stripe_webhook_secret: this.options_.disputes?.stripe?.webhook_secret ?? null,
      staff_alert: this.options_.disputes?.staff_alert ?? {
        emails: [] as string[],
        template: "order-ops-dispute-opened",
        channel: "email",
      },
    }
  }
}

export default OrderCaseModuleService
