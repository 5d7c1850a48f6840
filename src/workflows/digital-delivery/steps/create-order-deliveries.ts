import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DIGITAL_DELIVERY_MODULE } from "../../../modules/digital-delivery"
import type DigitalDeliveryModuleService from "../../../modules/digital-delivery/service"
import { isUniqueViolation } from "../../labels/utils/ledger"
import { isTestOrder, loadDeliveryOrder } from "../utils/order-context"
import type { DeliveryDTO, DeliveryProductDTO } from "../utils/types"

export const createOrderDeliveriesStepId = "order-ops-create-order-deliveries"

/**
 * One delivery per digital line item (an item whose variant has an enabled
 * delivery product), for all its quantity, due now. Physical items are left
 * alone. Idempotent: an item's delivery is created once (unique line item),
 * so a redelivered `payment.captured` changes nothing. A test order's
 * deliveries are dry runs. Compensation deletes what this run created.
 */
export const createOrderDeliveriesStep = createStep(
  createOrderDeliveriesStepId,
  async (input: { order_id: string }, { container }) => {
    const service = container.resolve<DigitalDeliveryModuleService>(DIGITAL_DELIVERY_MODULE)
    const order = await loadDeliveryOrder(container, input.order_id)
    if (!order) {
      return new StepResponse({ created: [] as string[], all: [] as string[] }, [] as string[])
    }
    const variantIds = order.items.map((i) => i.variant_id).filter((v): v is string => Boolean(v))
    const products = variantIds.length
      ? ((await service.listDeliveryProducts({ variant_id: variantIds, enabled: true })) as unknown as DeliveryProductDTO[])
      : []
    const byVariant = new Map(products.map((p) => [p.variant_id, p]))
    const existing = (await service.listDeliveries({ order_id: order.id }, { select: ["id", "line_item_id"] })) as unknown as DeliveryDTO[]
    const have = new Set(existing.map((d) => d.line_item_id))
    const dryRun = await isTestOrder(container, order.id)
    const created: string[] = []
    for (const item of order.items) {
      const product = item.variant_id ? byVariant.get(item.variant_id) : undefined
      if (!product || have.has(item.id) || item.quantity <= 0) {
        continue
      }
      try {
        const delivery = (await service.createDeliveries({
          order_id: order.id,
          line_item_id: item.id,
          variant_id: item.variant_id,
          delivery_product_id: product.id,
          method: product.method,
          title: item.title,
          quantity: item.quantity,
          status: "pending",
          next_attempt_at: new Date(),
          is_dry_run: dryRun,
          idempotency_key: `msg_${item.id}`,
        })) as unknown as DeliveryDTO
        created.push(delivery.id)
      } catch (error) {
        if (!isUniqueViolation(error)) {
          throw error
        }
      }
    }
    const all = [...existing.map((d) => d.id), ...created]
    return new StepResponse({ created, all }, created)
  },
  async (created, { container }) => {
    if (created?.length) {
      await container.resolve<DigitalDeliveryModuleService>(DIGITAL_DELIVERY_MODULE).deleteDeliveries(created)
    }
  }
)
