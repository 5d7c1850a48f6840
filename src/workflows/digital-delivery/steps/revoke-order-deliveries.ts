import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DIGITAL_DELIVERY_MODULE } from "../../../modules/digital-delivery"
import type DigitalDeliveryModuleService from "../../../modules/digital-delivery/service"
import type { AttemptResult } from "../../../modules/digital-delivery/methods/types"
import { deliveryContext, recordDeliveryActivity } from "../utils/attempt-delivery"
import { loadDeliveryOrder } from "../utils/order-context"
import type { DeliveryDTO, DeliveryProductDTO } from "../utils/types"

export const revokeOrderDeliveriesStepId = "order-ops-revoke-order-deliveries"

/**
 * Takes back what an order's deliveries gave, on a full refund or a
 * cancellation: download links stop working, codes are marked revoked
 * (never returned to the pool), the RCON revoke command runs when one is
 * configured, the Discord role is removed; deliveries not yet made stop.
 * Each is logged and put on the timeline. Revocation is not undone.
 */
export const revokeOrderDeliveriesStep = createStep(
  revokeOrderDeliveriesStepId,
  async (input: { order_id: string; reason: string }, { container }) => {
    const service = container.resolve<DigitalDeliveryModuleService>(DIGITAL_DELIVERY_MODULE)
    const deliveries = (await service.listDeliveries({ order_id: input.order_id })) as unknown as DeliveryDTO[]
    const open = deliveries.filter((d) => d.status !== "revoked")
    if (!open.length) {
      return new StepResponse([] as string[])
    }
    const order = await loadDeliveryOrder(container, input.order_id)
    const revoked: string[] = []
    for (const delivery of open) {
      const [product] = delivery.delivery_product_id
        ? ((await service.listDeliveryProducts({ id: delivery.delivery_product_id }, { withDeleted: true })) as unknown as DeliveryProductDTO[])
        : []
      const started = Date.now()
      let result: AttemptResult = { outcome: "delivered", message: `Revoked: ${input.reason}` }
      if (delivery.method === "download") {
        const grants = (await service.listDownloadGrants({ delivery_id: delivery.id })) as unknown as { id: string; revoked_at: Date | null }[]
        const live = grants.filter((g) => !g.revoked_at)
        if (live.length) {
          await service.updateDownloadGrants(live.map((g) => ({ id: g.id, revoked_at: new Date() })))
        }
        result = { outcome: "delivered", message: `Revoked (${input.reason}): ${live.length} download link(s) disabled` }
      } else if (delivery.method === "license_code") {
        const codes = (await service.listLicenseCodes({ delivery_id: delivery.id })) as unknown as { id: string; status: string }[]
        const assigned = codes.filter((c) => c.status === "assigned")
        if (assigned.length) {
          await service.updateLicenseCodes(assigned.map((c) => ({ id: c.id, status: "revoked" as const, revoked_at: new Date() })))
        }
        result = { outcome: "delivered", message: `Revoked (${input.reason}): ${assigned.length} code(s) marked revoked` }
      } else if (delivery.status === "delivered" && product && !delivery.is_dry_run) {
        const method = service.getRemoteMethod(delivery.method)
        result = await method.revoke(product.settings as never, deliveryContext(delivery, order, delivery.attempts))
      } else if (delivery.is_dry_run && delivery.status === "delivered") {
        result = { outcome: "dry_run", message: `Revoked (${input.reason}): dry run, nothing sent` }
      }
      await service.createDeliveryAttempts({
        delivery_id: delivery.id,
        kind: "revoke",
        attempt: delivery.attempts,
        outcome: result.outcome,
        message: result.message,
        request: result.request ?? null,
        response: result.response ?? null,
        duration_ms: Date.now() - started,
      })
      const updated = (await service.updateDeliveries({
        id: delivery.id,
        status: "revoked",
        revoked_at: new Date(),
        next_attempt_at: null,
        last_error: result.outcome === "delivered" || result.outcome === "dry_run" ? null : `Revoke: ${result.message}`,
      })) as unknown as DeliveryDTO
      await recordDeliveryActivity(container, updated, null, result.message)
      revoked.push(delivery.id)
    }
    return new StepResponse(revoked)
  }
)
