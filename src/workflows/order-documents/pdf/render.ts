import PdfPrinter from "pdfmake"
import type { TDocumentDefinitions } from "pdfmake/interfaces"
import { documentFonts } from "./fonts"

/**
 * Renders a pdfmake document definition to PDF bytes. Deterministic for the
 * same definition: the creation date is pinned to `created_at` (pdfmake
 * otherwise stamps "now"), so the same document renders byte for byte.
 */
export async function renderPdf(definition: TDocumentDefinitions, createdAt: Date): Promise<Buffer> {
  const printer = new PdfPrinter(documentFonts())
  const doc = printer.createPdfKitDocument({
    ...definition,
    defaultStyle: { font: "DejaVuSans", fontSize: 10, ...(definition.defaultStyle ?? {}) },
    info: { ...(definition.info ?? {}), creationDate: createdAt, modDate: createdAt } as TDocumentDefinitions["info"],
  })
  const chunks: Buffer[] = []
  return await new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk))
    doc.on("end", () => resolve(Buffer.concat(chunks)))
    doc.on("error", reject)
    doc.end()
  })
}
