import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { logoFormat } from "../../order-documents/pdf/logo"

/** Largest logo a document embeds. */
export const MAX_LOGO_BYTES = 1024 * 1024

/**
 * Checks a new logo before anything is saved: it must be a file of Medusa's
 * file module (uploaded with `POST /admin/uploads`), a PNG or JPEG of at
 * most 1 MB. Reads only.
 *
 * @throws MedusaError INVALID_DATA naming `logo_file_id`.
 */
export const validateDocumentSettingsStep = createStep(
  "order-ops-validate-document-settings",
  async (input: { logo_file_id?: string | null }, { container }) => {
    if (!input.logo_file_id) {
      return new StepResponse(null)
    }
    let bytes: Buffer
    try {
      bytes = await container.resolve(Modules.FILE).getAsBuffer(input.logo_file_id)
    } catch {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `logo_file_id: file ${input.logo_file_id} was not found`)
    }
    if (!logoFormat(bytes)) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "logo_file_id: the logo must be a PNG or JPEG image")
    }
    if (bytes.length > MAX_LOGO_BYTES) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "logo_file_id: the logo is larger than 1 MB")
    }
    return new StepResponse(null)
  }
)
