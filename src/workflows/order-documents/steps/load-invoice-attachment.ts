import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { InvoiceRecord } from "../../../modules/order-document/service"

/**
 * The stored PDF of an issued invoice as an email attachment (base64) and
 * the file module's link to it (for S3-like providers a time-limited
 * presigned URL). Reads only.
 */
export const loadInvoiceAttachmentStep = createStep(
  "order-ops-load-invoice-attachment",
  async (input: { invoice: InvoiceRecord }, { container }) => {
    const files = container.resolve(Modules.FILE)
    const key = input.invoice.file_key!
    const [file, content] = await Promise.all([files.retrieveFile(key), files.getAsBuffer(key)])
    return new StepResponse({
      file_url: file.url ?? null,
      attachment: {
        content: content.toString("base64"),
        filename: `${input.invoice.display_number}.pdf`,
        content_type: "application/pdf",
        disposition: "attachment",
      },
    })
  }
)
