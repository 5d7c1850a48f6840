import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PDFDocument } from "pdf-lib"
import { ORDER_DOCUMENT_MODULE } from "../../../modules/order-document"
import type OrderDocumentModuleService from "../../../modules/order-document/service"
import { ORDER_STATUS_MODULE } from "../../../modules/order-status"
import type OrderStatusModuleService from "../../../modules/order-status/service"
import type { DocumentJobDTO } from "../../../types"
import { renderPackingSlips } from "../pdf/packing-slip"
import { exportPages } from "../utils/export-pages"
import { exportQuery, OrderSelectionParamsSchema } from "../utils/export-params"
import { loadPackingSlipData } from "./load-packing-slip-data"

/** Orders rendered per chunk: one Query call and one pdfmake document each. */
export const PACKING_SLIP_CHUNK = 50

/** What the batch wrote; `stopped` when it was canceled or its lease was taken over. */
export type WritePackingSlipBatchOutput = {
  stopped: boolean
  file_key: string | null
  file_name: string | null
  mime_type: string | null
  orders: number
  total: number
}

/**
 * Packing slips of many orders as ONE PDF, in the worker: walks the selected
 * orders in keyset pages (the list's own filters), renders each chunk with
 * pdfmake and appends its pages with pdf-lib, reporting progress after every
 * chunk, then stores the merged PDF in the file module in one write (a
 * worker killed before that leaves no file). Compensation deletes the file.
 */
export const writePackingSlipBatchStep = createStep(
  "order-ops-write-packing-slip-batch",
  async (input: { job: DocumentJobDTO; token: number; page_size?: number }, { container }) => {
    const jobs = container.resolve<OrderDocumentModuleService>(ORDER_DOCUMENT_MODULE)
    const statuses = container.resolve<OrderStatusModuleService>(ORDER_STATUS_MODULE)
    const { job, token } = input
    const query = exportQuery(OrderSelectionParamsSchema.parse(job.params))
    const stopped = (total: number) =>
      new StepResponse<WritePackingSlipBatchOutput, string | null>(
        { stopped: true, file_key: null, file_name: null, mime_type: null, orders: 0, total },
        null
      )
    const [, total] = await statuses.listAndCountOrderStatusRows(query.filters, { select: ["id"], take: 1 })
    if (!(await jobs.reportDocumentJobProgress(job.id, token, { done: 0, total }))) {
      return stopped(total)
    }
    const merged = await PDFDocument.create()
    let orders = 0
    for await (const page of exportPages(statuses, query, input.page_size ?? PACKING_SLIP_CHUNK)) {
      const slips = await loadPackingSlipData(container, { slips: page.map((r) => ({ order_id: r.order_id })) })
      const chunk = await PDFDocument.load(await renderPackingSlips(slips, new Date(job.created_at)))
      for (const copied of await merged.copyPages(chunk, chunk.getPageIndices())) {
        merged.addPage(copied)
      }
      orders += page.length
      if (!(await jobs.reportDocumentJobProgress(job.id, token, { done: orders }))) {
        return stopped(total)
      }
    }
    const fileName = `packing-slips-${job.id}.pdf`
    const file = await container.resolve(Modules.FILE).createFiles({
      filename: fileName,
      mimeType: "application/pdf",
      content: Buffer.from(await merged.save()).toString("base64"),
      access: "private",
    })
    return new StepResponse<WritePackingSlipBatchOutput, string | null>(
      { stopped: false, file_key: file.id, file_name: fileName, mime_type: "application/pdf", orders, total: orders },
      file.id
    )
  },
  async (fileKey, { container }) => {
    if (fileKey) {
      await container.resolve(Modules.FILE).deleteFiles(fileKey)
    }
  }
)
