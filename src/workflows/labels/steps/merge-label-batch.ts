import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PDFDocument } from "pdf-lib"
import { SHIPMENT_MODULE } from "../../../modules/shipment"
import type ShipmentModuleService from "../../../modules/shipment/service"
import type { LabelBatchFormat, ShippingLabelDTO } from "../../../types"

/** Input of {@link mergeLabelBatchStep}. */
export type MergeLabelBatchStepInput = {
  batch_id: string
  /** The batch's labels, in the order they are printed. */
  label_ids: string[]
  label_format: LabelBatchFormat
}

/** The merged file, or nulls when no label of the batch has a file. */
export type MergeLabelBatchOutput = {
  file_key: string | null
  file_name: string | null
  mime_type: string | null
  /** Labels in the file. */
  labels: number
}

/** Label files read from the file module at once. */
const READ_CHUNK = 10

const MIME: Record<LabelBatchFormat, string> = { PDF: "application/pdf", ZPL: "application/x-zpl" }

export const mergeLabelBatchStepId = "order-ops-merge-label-batch"

/**
 * *Print all*: the batch's label files (our copies in the file module) as
 * ONE file, stored through the file module: a PDF whose pages are every
 * label's pages in order (pdf-lib), or the ZPL labels one after another
 * (a ZPL printer takes them as one stream). Only purchased labels with a
 * file and of the batch's format go in. Compensation deletes the file.
 */
export const mergeLabelBatchStep = createStep(
  mergeLabelBatchStepId,
  async (input: MergeLabelBatchStepInput, { container }) => {
    const shipments = container.resolve<ShipmentModuleService>(SHIPMENT_MODULE)
    const files = container.resolve(Modules.FILE)
    const rows = input.label_ids.length
      ? ((await shipments.listShippingLabels({ id: input.label_ids }, { take: null })) as unknown as ShippingLabelDTO[])
      : []
    const byId = new Map(rows.map((l) => [l.id, l]))
    const printable = input.label_ids
      .map((id) => byId.get(id))
      .filter((l): l is ShippingLabelDTO => !!l && l.status === "purchased" && !!l.file_id && l.label_format === input.label_format)
    if (!printable.length) {
      return new StepResponse<MergeLabelBatchOutput, string | null>({ file_key: null, file_name: null, mime_type: null, labels: 0 }, null)
    }
    const contents: Buffer[] = []
    for (let i = 0; i < printable.length; i += READ_CHUNK) {
      contents.push(...(await Promise.all(printable.slice(i, i + READ_CHUNK).map((l) => files.getAsBuffer(l.file_id!)))))
    }
    let merged: Buffer
    if (input.label_format === "PDF") {
      const pdf = await PDFDocument.create()
      for (const content of contents) {
        const label = await PDFDocument.load(content)
        for (const page of await pdf.copyPages(label, label.getPageIndices())) {
          pdf.addPage(page)
        }
      }
      merged = Buffer.from(await pdf.save())
    } else {
      merged = Buffer.concat(contents.flatMap((c) => (c.length && c[c.length - 1] !== 0x0a ? [c, Buffer.from("\n")] : [c])))
    }
    const fileName = `labels-${input.batch_id}.${input.label_format.toLowerCase()}`
    const file = await files.createFiles({
      filename: fileName,
      mimeType: MIME[input.label_format],
      content: merged.toString("base64"),
      access: "private",
    })
    return new StepResponse<MergeLabelBatchOutput, string | null>(
      { file_key: file.id, file_name: fileName, mime_type: MIME[input.label_format], labels: printable.length },
      file.id
    )
  },
  async (fileKey, { container }) => {
    if (fileKey) {
      await container.resolve(Modules.FILE).deleteFiles(fileKey)
    }
  }
)
