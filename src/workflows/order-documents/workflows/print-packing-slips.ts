import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { loadPackingSlipDataStep, type PackingSlipRequest } from "../steps/load-packing-slip-data"
import { renderPackingSlipsStep } from "../steps/render-packing-slips"

export const printPackingSlipsWorkflowId = "order-ops-print-packing-slips"

/** Input of {@link printPackingSlipsWorkflow}. */
export type PrintPackingSlipsWorkflowInput = {
  /** Whole orders (`order_id`) or single shipments (`shipment_id`), in print order. */
  slips: PackingSlipRequest[]
}

/**
 * Packing slips as one PDF: per order (every item) or per shipment (only its
 * items), with the store's name, ship-to address, SKUs, variants,
 * quantities with a check box, the customer's note and a barcode of the
 * order number.
 *
 * @throws MedusaError NOT_FOUND for an unknown order or shipment.
 */
export const printPackingSlipsWorkflow = createWorkflow(
  printPackingSlipsWorkflowId,
  function (input: PrintPackingSlipsWorkflowInput) {
    const slips = loadPackingSlipDataStep({ slips: input.slips })
    const rendered = renderPackingSlipsStep(
      transform({ slips }, ({ slips }) => ({ slips, rendered_at: new Date() }))
    )
    return new WorkflowResponse(rendered)
  }
)
