import { finished } from "node:stream/promises"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ORDER_DOCUMENT_MODULE } from "../../../modules/order-document"
import type OrderDocumentModuleService from "../../../modules/order-document/service"
import { ORDER_NOTE_MODULE } from "../../../modules/order-note"
import type OrderNoteModuleService from "../../../modules/order-note/service"
import { ORDER_STATUS_MODULE } from "../../../modules/order-status"
import type OrderStatusModuleService from "../../../modules/order-status/service"
import { SHIPMENT_MODULE } from "../../../modules/shipment"
import type ShipmentModuleService from "../../../modules/shipment/service"
import type { DocumentJobDTO, OrderStatusDTO } from "../../../types"
import { exportRows, resolveExportColumns, type ExportOrder } from "../utils/export-columns"
import { exportQuery, ExportParamsSchema } from "../utils/export-params"
import { exportPages } from "../utils/export-pages"
import { itemQuantity } from "./load-packing-slip-data"
import { createExportWriter, EXPORT_MIME_TYPES } from "../utils/export-writer"

/**
 * Orders read per keyset page by default. Small on purpose: a page's orders
 * (with Medusa's computed totals) are alive while it is written, and V8 sets
 * each next old-generation limit to a multiple of what is alive at a full
 * collection, so a big page raises the worker's peak memory by several times
 * its own size. One page more costs a handful of indexed queries.
 */
export const EXPORT_PAGE_SIZE = 200

/** Input of {@link writeOrderExportStep}. */
export type WriteOrderExportStepInput = {
  /** The claimed export job. */
  job: DocumentJobDTO
  /** The claim's fencing token. */
  token: number
  /** Orders per keyset page. */
  page_size?: number
}

/** What the export wrote; `stopped` when it was canceled or its lease was taken over. */
export type WriteOrderExportStepOutput = {
  stopped: boolean
  file_key: string | null
  file_name: string | null
  mime_type: string | null
  rows: number
  orders: number
  total: number
}

const ORDER_FIELDS = [
  "id",
  "display_id",
  "created_at",
  "email",
  "currency_code",
  "customer_id",
  "total",
  "subtotal",
  "tax_total",
  "shipping_total",
  "discount_total",
  "customer.first_name",
  "customer.last_name",
  "shipping_address.*",
  "billing_address.*",
  "sales_channel.name",
  "items.id",
  "items.title",
  "items.product_title",
  "items.variant_title",
  "items.variant_sku",
  "items.quantity",
  "items.detail.quantity",
  "items.unit_price",
  "items.total",
]

type GraphOrder = Record<string, unknown> & {
  id: string
  items?: Record<string, unknown>[] | null
  sales_channel?: { name?: string | null } | null
}

/** One page's orders with everything the catalogue can ask for: one Query call and two module reads. */
async function loadPage(container: MedusaContainer, rows: OrderStatusDTO[]): Promise<ExportOrder[]> {
  const ids = rows.map((r) => r.order_id)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const shipments = container.resolve<ShipmentModuleService>(SHIPMENT_MODULE)
  const notes = container.resolve<OrderNoteModuleService>(ORDER_NOTE_MODULE)
  const [{ data }, shipmentRows, noteRows] = await Promise.all([
    query.graph({ entity: "order", fields: ORDER_FIELDS, filters: { id: ids } }),
    shipments.listShipments({ order_id: ids }, { select: ["id", "order_id", "status", "carrier", "tracking_number", "created_at"], order: { created_at: "ASC" } }),
    notes.listOrderNotes({ order_id: ids }, { select: ["id", "order_id"] }),
  ])
  const byId = new Map((data as GraphOrder[]).map((o) => [o.id, o]))
  return rows.flatMap((row) => {
    const o = byId.get(row.order_id)
    if (!o) {
      return []
    }
    const n = (v: unknown) => Number(v ?? 0)
    return [
      {
        id: o.id,
        display_id: row.display_id,
        created_at: row.order_created_at,
        email: row.email,
        currency_code: row.currency_code,
        total: n(o.total),
        subtotal: n(o.subtotal),
        tax_total: n(o.tax_total),
        shipping_total: n(o.shipping_total),
        discount_total: n(o.discount_total),
        customer_name: row.customer_name,
        customer_id: (o.customer_id as string | null) ?? null,
        shipping_address: (o.shipping_address as ExportOrder["shipping_address"]) ?? null,
        billing_address: (o.billing_address as ExportOrder["billing_address"]) ?? null,
        fulfillment_status: row.fulfillment_status,
        payment_status: row.payment_status,
        is_test: row.is_test,
        sales_channel: o.sales_channel?.name ?? null,
        shipments: shipmentRows
          .filter((s) => s.order_id === o.id)
          .map((s) => ({ status: s.status, carrier: s.carrier ?? null, tracking_number: s.tracking_number ?? null })),
        notes_count: noteRows.filter((note) => note.order_id === o.id).length,
        items: (o.items ?? []).map((i) => ({
          id: i.id as string,
          title: ((i.product_title ?? i.title) as string | null) ?? null,
          variant_title: (i.variant_title as string | null) ?? null,
          sku: (i.variant_sku as string | null) ?? null,
          quantity: itemQuantity(i),
          unit_price: n(i.unit_price),
          total: n(i.total),
        })),
      },
    ]
  })
}

/**
 * Writes an export: counts the matching orders, walks them in keyset pages
 * from PostgreSQL (the list's own filters), streams the rows into a file of
 * Medusa's file module and reports progress after every page. The file's key
 * is recorded before the first byte, so a worker killed mid-write leaves a
 * known partial file and a job that is still running, never done. Stops,
 * deleting its file, when the job was canceled or its lease was taken over.
 *
 * Compensation deletes the file.
 */
export const writeOrderExportStep = createStep(
  "order-ops-write-order-export",
  async (input: WriteOrderExportStepInput, { container }) => {
    const jobs = container.resolve<OrderDocumentModuleService>(ORDER_DOCUMENT_MODULE)
    const statuses = container.resolve<OrderStatusModuleService>(ORDER_STATUS_MODULE)
    const files = container.resolve(Modules.FILE)
    const { job, token } = input
    const pageSize = input.page_size ?? EXPORT_PAGE_SIZE
    const params = ExportParamsSchema.parse(job.params)
    const { filters, descending } = exportQuery(params)
    const columns = resolveExportColumns(params.shape, params.columns)

    if (job.file_key) {
      // A previous attempt died mid-write: its partial file goes, the export starts over.
      await files.deleteFiles(job.file_key).catch(() => undefined)
    }
    const [, total] = await statuses.listAndCountOrderStatusRows(filters, { select: ["id"], take: 1 })
    if (!(await jobs.reportDocumentJobProgress(job.id, token, { done: 0, total }))) {
      return new StepResponse<WriteOrderExportStepOutput, string | null>(
        { stopped: true, file_key: null, file_name: null, mime_type: null, rows: 0, orders: 0, total },
        null
      )
    }

    const fileName = `orders-${job.id}.${params.format}`
    const mimeType = EXPORT_MIME_TYPES[params.format]
    const upload = await files.getUploadStream({ filename: fileName, mimeType, access: "private" })
    const uploaded = upload.promise.then(
      () => null,
      (e: unknown) => e
    )
    const stop = async () => {
      // A destroyed stream never finishes, so wait for it to close, not for the upload.
      upload.writeStream.destroy()
      await finished(upload.writeStream).catch(() => undefined)
      await files.deleteFiles(upload.fileKey).catch(() => undefined)
      return new StepResponse<WriteOrderExportStepOutput, string | null>(
        { stopped: true, file_key: null, file_name: null, mime_type: null, rows: 0, orders: 0, total },
        null
      )
    }
    if (!(await jobs.recordDocumentJobFile(job.id, token, { file_key: upload.fileKey, file_name: fileName, mime_type: mimeType }))) {
      return await stop()
    }

    const writer = createExportWriter(
      params.format,
      upload.writeStream,
      columns.map((c) => c.header)
    )
    let orders = 0
    let rows = 0
    try {
      for await (const page of exportPages(statuses, { filters, descending }, pageSize)) {
        for (const order of await loadPage(container, page)) {
          for (const row of exportRows(order, params.shape, columns)) {
            await writer.write(row)
            rows++
          }
        }
        orders += page.length
        if (!(await jobs.reportDocumentJobProgress(job.id, token, { done: orders }))) {
          return await stop()
        }
      }
      await writer.finish()
    } catch (e) {
      await stop()
      throw e
    }
    const failure = await uploaded
    if (failure) {
      await files.deleteFiles(upload.fileKey).catch(() => undefined)
      throw failure
    }
    return new StepResponse<WriteOrderExportStepOutput, string | null>(
      { stopped: false, file_key: upload.fileKey, file_name: fileName, mime_type: mimeType, rows, orders, total: orders },
      upload.fileKey
    )
  },
  async (fileKey, { container }) => {
    if (fileKey) {
      await container.resolve(Modules.FILE).deleteFiles(fileKey)
    }
  }
)
