import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ORDER_DOCUMENT_MODULE } from "../../../modules/order-document"
import type OrderDocumentModuleService from "../../../modules/order-document/service"

/** The live invoice series: the one Settings → Documents numbers. */
export const LIVE_INVOICE_SERIES = "invoice:live"

/**
 * Moves the next live invoice number forward (never back, never onto an
 * issued number). Compensation puts it back while no invoice took a number since.
 *
 * @throws MedusaError INVALID_DATA naming `next_invoice_number` when it would move back.
 */
export const advanceInvoiceNumberStep = createStep(
  "order-ops-advance-invoice-number",
  async (input: { next: number }, { container }) => {
    const service = container.resolve<OrderDocumentModuleService>(ORDER_DOCUMENT_MODULE)
    const { previous } = await service.advanceInvoiceNumber(LIVE_INVOICE_SERIES, input.next)
    return new StepResponse(input.next, { next: input.next, previous })
  },
  async (undo, { container }) => {
    if (!undo) return
    await container
      .resolve<OrderDocumentModuleService>(ORDER_DOCUMENT_MODULE)
      .restoreInvoiceNumber(LIVE_INVOICE_SERIES, undo.next, undo.previous)
  }
)
