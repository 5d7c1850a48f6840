import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { advanceInvoiceNumberStep } from "../steps/advance-invoice-number"
import { saveDocumentSettingsStep, type SaveDocumentSettingsStepInput } from "../steps/save-document-settings"
import { validateDocumentSettingsStep } from "../steps/validate-document-settings"

/** Input of {@link saveDocumentSettingsWorkflow}: the fields to change. */
export type SaveDocumentSettingsWorkflowInput = SaveDocumentSettingsStepInput & {
  /** The next live invoice number: only forward, never onto an issued number. */
  next_invoice_number?: number
}

export const saveDocumentSettingsWorkflowId = "order-ops-save-document-settings"

/**
 * Saves Settings → Documents: the seller's name, address and tax ids, the
 * logo (a PNG or JPEG of the file module), the invoice prefix, and moves the
 * next invoice number forward. Documents issued from now on show them;
 * documents already issued never change. All or nothing.
 *
 * @throws MedusaError INVALID_DATA naming `logo_file_id` or `next_invoice_number`.
 */
export const saveDocumentSettingsWorkflow = createWorkflow(
  saveDocumentSettingsWorkflowId,
  function (input: SaveDocumentSettingsWorkflowInput) {
    validateDocumentSettingsStep(transform({ input }, ({ input }) => ({ logo_file_id: input.logo_file_id })))
    const saved = saveDocumentSettingsStep(
      transform({ input }, ({ input }) => {
        const { next_invoice_number: _next, ...fields } = input
        return fields
      })
    )
    when({ input }, ({ input }) => input.next_invoice_number !== undefined).then(() => {
      advanceInvoiceNumberStep(transform({ input }, ({ input }) => ({ next: input.next_invoice_number! })))
    })
    return new WorkflowResponse(saved)
  }
)
