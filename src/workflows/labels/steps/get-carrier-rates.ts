import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SHIPMENT_MODULE } from "../../../modules/shipment"
import type ShipmentModuleService from "../../../modules/shipment/service"
import type { CarrierCode } from "../../../modules/shipment/carriers/types"
import type { AdminRate } from "../../../types"
import type { PreparedLabelRequest } from "../utils/label-request"

export type CarrierRatesResult = {
  /** Every carrier's rates, cheapest first. */
  rates: AdminRate[]
  /** Carriers that could not quote, with their message. */
  errors: { carrier: CarrierCode; message: string }[]
}

export const getCarrierRatesStepId = "order-ops-get-carrier-rates"

/**
 * Asks every chosen carrier for rates at once. One carrier failing does not
 * hide the others' rates: its message is returned beside them.
 */
export const getCarrierRatesStep = createStep(
  getCarrierRatesStepId,
  async (prepared: PreparedLabelRequest, { container }) => {
    const service = container.resolve<ShipmentModuleService>(SHIPMENT_MODULE)
    const answers = await Promise.allSettled(
      prepared.carriers.map(async (code) => {
        const rates = await service.getCarrier(code).getRates(prepared.rate_request)
        return rates.map((rate) => ({ ...rate, carrier: code }))
      })
    )
    const result: CarrierRatesResult = { rates: [], errors: [] }
    answers.forEach((answer, i) => {
      if (answer.status === "fulfilled") {
        result.rates.push(...answer.value)
      } else {
        const reason = answer.reason as { message?: string }
        result.errors.push({ carrier: prepared.carriers[i], message: reason?.message ?? String(answer.reason) })
      }
    })
    result.rates.sort((a, b) => a.amount - b.amount || (a.estimated_days ?? 99) - (b.estimated_days ?? 99))
    return new StepResponse(result)
  }
)
