import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ORDER_DOCUMENT_MODULE } from "../../../modules/order-document"
import type OrderDocumentModuleService from "../../../modules/order-document/service"
import { ORDER_OPS_SETTINGS_MODULE } from "../../../modules/order-ops-settings"
import type OrderOpsSettingsModuleService from "../../../modules/order-ops-settings/service"
import type { InvoiceSnapshot } from "../pdf/invoice"

/** A series' printed prefix: Settings → Documents' prefix (`INV-`), with `TEST-` in front for test orders. Pure. */
export function invoicePrefix(series: "live" | "test", prefix: string): string {
  return series === "test" ? `TEST-${prefix}` : prefix
}

/**
 * Takes the next number of the order's series (live, or test for test
 * orders), printed with Settings → Documents' prefix, and writes the invoice, in one transaction; returns the existing
 * invoice when the order already has one. No compensation on purpose: an
 * issued number is never handed back (that would leave a gap, or reuse it).
 */
export const issueInvoiceRecordStep = createStep(
  "order-ops-issue-invoice-record",
  async (input: { order_id: string; snapshot: InvoiceSnapshot }, { container }) => {
    const service = container.resolve<OrderDocumentModuleService>(ORDER_DOCUMENT_MODULE)
    const { invoice_prefix } = await container.resolve<OrderOpsSettingsModuleService>(ORDER_OPS_SETTINGS_MODULE).getDocumentSettingsValues()
    const series = input.snapshot.test ? "test" : "live"
    const result = await service.issueInvoiceRecord({
      order_id: input.order_id,
      kind: "invoice",
      series,
      prefix: invoicePrefix(series, invoice_prefix),
      snapshot: input.snapshot as unknown as Record<string, unknown>,
      issued_at: new Date(input.snapshot.issued_at),
    })
    return new StepResponse(result)
  }
)
