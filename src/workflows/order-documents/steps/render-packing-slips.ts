import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { renderPackingSlips, type PackingSlipData } from "../pdf/packing-slip"

/**
 * Renders packing slips as one PDF (pdfmake, DejaVu Sans, a bwip-js barcode
 * of each order number). Returns it base64-encoded, so the workflow's
 * result stays plain JSON. Pure rendering: nothing to undo.
 */
export const renderPackingSlipsStep = createStep(
  "order-ops-render-packing-slips",
  async (input: { slips: PackingSlipData[]; rendered_at: Date | string }) => {
    const pdf = await renderPackingSlips(input.slips, new Date(input.rendered_at))
    return new StepResponse({ pdf_base64: pdf.toString("base64"), pages: input.slips.length })
  }
)
