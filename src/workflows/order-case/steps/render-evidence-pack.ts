import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import JSZip from "jszip"
import type { DisputeEvidence } from "../utils/dispute-evidence"
import { renderEvidencePdf } from "../utils/evidence-pdf"

/** Input of {@link renderEvidencePackStep}. */
export type RenderEvidencePackStepInput = { evidence: DisputeEvidence; format: "pdf" | "zip" }

/** The pack, base64-encoded so the workflow's result stays plain JSON. */
export type EvidencePack = { filename: string; content_type: string; base64: string }

/** The zip's sources, one JSON file per kind of fact, beside the PDF made from them. */
export async function evidenceZip(e: DisputeEvidence, pdf: Buffer): Promise<Buffer> {
  const zip = new JSZip()
  const date = new Date(e.generated_at)
  const add = (name: string, value: unknown) => zip.file(name, `${JSON.stringify(value, null, 2)}\n`, { date })
  add("dispute.json", e.dispute)
  add("order.json", e.order)
  add("customer.json", { customer: e.customer, checkout: e.checkout })
  add("notifications.json", e.notifications)
  add("shipments.json", e.shipments)
  add("digital-deliveries.json", e.deliveries)
  add("notes.json", e.notes)
  add("timeline.json", e.timeline)
  zip.file(`evidence-order-${e.order.display_id}.pdf`, pdf, { date })
  return await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" })
}

/**
 * Renders a dispute's evidence pack: one PDF (pdfmake with the documents'
 * fonts), or a zip of the PDF and the JSON it was made from. Pure
 * rendering: nothing to undo.
 */
export const renderEvidencePackStep = createStep(
  "order-ops-render-evidence-pack",
  async (input: RenderEvidencePackStepInput) => {
    const pdf = await renderEvidencePdf(input.evidence)
    const base = `dispute-evidence-order-${input.evidence.order.display_id}`
    if (input.format === "zip") {
      const zip = await evidenceZip(input.evidence, pdf)
      return new StepResponse<EvidencePack>({ filename: `${base}.zip`, content_type: "application/zip", base64: zip.toString("base64") })
    }
    return new StepResponse<EvidencePack>({ filename: `${base}.pdf`, content_type: "application/pdf", base64: pdf.toString("base64") })
  }
)
