import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

/** Why an invoice email is not sent, or null when it is. */
export type InvoiceSendBlock = "no_email" | "test_order" | "switched_off" | null

/**
 * Throws when the merchant asked to send an invoice that cannot be sent;
 * an automatic send (on capture) that cannot be sent is skipped instead.
 *
 * @throws MedusaError NOT_ALLOWED for an order without an email address, or
 *   a test order whose customer may not be emailed (see README, Test orders).
 */
export const validateInvoiceSendStep = createStep(
  "order-ops-validate-invoice-send",
  async (input: { manual: boolean; block: InvoiceSendBlock; display_id: number | null }) => {
    if (input.manual && input.block === "no_email") {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Order #${input.display_id} has no email address to send the invoice to`)
    }
    if (input.manual && input.block === "test_order") {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Order #${input.display_id} is a test order: only its generated test customer is ever emailed`
      )
    }
    return new StepResponse(input.block)
  }
)
