import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { Modules } from "@medusajs/framework/utils"
import { SHIPMENT_MODULE } from "../../../modules/shipment"
import type ShipmentModuleService from "../../../modules/shipment/service"
import type { ShippingLabelDTO } from "../../../types"
import type { PurchaseLabelResult } from "./purchase-label"

export const storeLabelFileStepId = "order-ops-store-label-file"

const EXTENSIONS: Record<string, string> = { PDF: "pdf", PNG: "png", ZPL: "zpl" }

/**
 * Keeps our own copy of the label file through Medusa's file module (the
 * carrier's hosted copy may expire), and records it on the ledger row.
 * Compensation deletes the file.
 */
export const storeLabelFileStep = createStep(
  storeLabelFileStepId,
  async (input: PurchaseLabelResult, { container }) => {
    const service = container.resolve<ShipmentModuleService>(SHIPMENT_MODULE)
    const files = container.resolve(Modules.FILE)
    const { label } = input
    let file = input.file
    if (!file && label.label_url) {
      const downloaded = await service.getCarrier(label.carrier).downloadLabel(label.label_url)
      file = {
        content: downloaded.content.toString("base64"),
        mime_type: downloaded.mime_type,
        filename: `label-${label.tracking_number}.${EXTENSIONS[label.label_format] ?? "bin"}`,
      }
    }
    if (!file) {
      return new StepResponse<ShippingLabelDTO, string | null>(label, null)
    }
    const created = await files.createFiles({
      filename: file.filename,
      mimeType: file.mime_type,
      content: file.content,
      access: "private",
    })
    const updated = (await service.updateShippingLabels({
      id: label.id,
      file_id: created.id,
      file_url: created.url,
    })) as unknown as ShippingLabelDTO
    return new StepResponse<ShippingLabelDTO, string | null>(updated, created.id)
  },
  async (fileId, { container }) => {
    if (fileId) {
      await container.resolve(Modules.FILE).deleteFiles([fileId])
    }
  }
)
