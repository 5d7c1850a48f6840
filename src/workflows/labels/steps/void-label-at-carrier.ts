import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"
import { SHIPMENT_MODULE } from "../../../modules/shipment"
import type ShipmentModuleService from "../../../modules/shipment/service"
import { hasParcelLeft } from "../../../modules/shipment/state-machine"
import type { ShipmentDTO, ShippingLabelDTO } from "../../../types"
import { labelRef, nextFollowUp, OPEN_REFUND_STATUSES } from "../utils/ledger"

export const voidLabelAtCarrierStepId = "order-ops-void-label-at-carrier"


/**
 * Voids a label at its carrier, if the carrier does not have the parcel
 * yet: our shipment must still be awaiting shipment, and the carrier's own
 * tracking is asked too (a scan whose webhook has not arrived yet counts).
 * Records the refund status the carrier gives; a job follows it to the end.
 * A void cannot be undone, so there is no compensation.
 *
 * @throws MedusaError NOT_ALLOWED "… the carrier already has this parcel",
 *   or when the label is not a bought one.
 */
export const voidLabelAtCarrierStep = createStep(
  voidLabelAtCarrierStepId,
  async (input: { label_id: string }, { container }) => {
    const service = container.resolve<ShipmentModuleService>(SHIPMENT_MODULE)
    const label = (await service.retrieveShippingLabel(input.label_id)) as unknown as ShippingLabelDTO
    if (label.status === "voided") {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Label ${label.id} is already voided`)
    }
    if (label.status !== "purchased") {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Label ${label.id} cannot be voided: it was never bought (status ${label.status})`
      )
    }
    const refused = () =>
      new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Label ${label.tracking_number ?? label.id} cannot be voided: the carrier already has this parcel`
      )
    let shipment: ShipmentDTO | null = null
    if (label.shipment_id) {
      shipment = (await service.retrieveShipment(label.shipment_id)) as unknown as ShipmentDTO
      if (hasParcelLeft(shipment.status)) {
        throw refused()
      }
    }
    const carrier = service.getCarrier(label.carrier)
    const tracking = await carrier.track(labelRef(label)).catch(() => null)
    if (tracking?.events.some((e) => hasParcelLeft(e.status))) {
      throw refused()
    }
    const result = await carrier.voidLabel(labelRef(label))
    const updated = (await service.updateShippingLabels({
      id: label.id,
      status: "voided",
      refund_status: result.refund_status,
      provider_refund_id: result.provider_refund_id,
      voided_at: new Date(),
      refund_checked_at: new Date(),
      attempts: 0,
      next_check_at: OPEN_REFUND_STATUSES.includes(result.refund_status) ? nextFollowUp(0) : null,
    })) as unknown as ShippingLabelDTO
    return new StepResponse({ label: updated, shipment })
  }
)
