import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { OrderOpsEvents } from "../../../events"
import { DIGITAL_DELIVERY_MODULE } from "../../../modules/digital-delivery"
import type DigitalDeliveryModuleService from "../../../modules/digital-delivery/service"
import type {
  AttemptResult,
  DeliveryContext,
  DownloadSettings,
  LicenseCodeSettings,
} from "../../../modules/digital-delivery/methods/types"
import { nextDeliveryState } from "../../../modules/digital-delivery/state-machine"
import { ORDER_ACTIVITY_MODULE } from "../../../modules/order-activity"
import type OrderActivityModuleService from "../../../modules/order-activity/service"
import { loadDeliveryOrder, type DeliveryOrder } from "./order-context"
import type { DeliveryDTO, DeliveryProductDTO } from "./types"

/** Masks all but the last 4 characters of a code for the attempt log. */
export function maskCode(code: string): string {
  return code.length <= 4 ? "****" : `${"*".repeat(Math.min(8, code.length - 4))}${code.slice(-4)}`
}

/** The method's view of a delivery. */
export function deliveryContext(delivery: DeliveryDTO, order: DeliveryOrder | null, attempt: number): DeliveryContext {
  const item = order?.items.find((i) => i.id === delivery.line_item_id)
  return {
    delivery_id: delivery.id,
    order_id: delivery.order_id,
    display_id: order?.display_id ?? null,
    email: order?.email ?? null,
    line_item_id: delivery.line_item_id,
    variant_id: delivery.variant_id,
    sku: item?.variant_sku ?? null,
    title: delivery.title,
    quantity: delivery.quantity,
    metadata: item?.metadata ?? {},
    idempotency_key: delivery.idempotency_key,
    attempt,
  }
}

/** Creates the download grants of a delivery once (a retry keeps them). */
export async function ensureDownloadGrants(
  service: DigitalDeliveryModuleService,
  delivery: DeliveryDTO,
  settings: DownloadSettings,
  fresh = false
): Promise<{ id: string; file_id: string; filename: string | null; expires_at: Date; remaining_downloads: number }[]> {
  type Grant = { id: string; file_id: string; filename: string | null; expires_at: Date; remaining_downloads: number; revoked_at: Date | null }
  const existing = (await service.listDownloadGrants({ delivery_id: delivery.id })) as unknown as Grant[]
  const live = existing.filter((g) => !g.revoked_at)
  if (live.length && !fresh) {
    return live
  }
  const files = settings.file_names ?? {}
  const expires = new Date(Date.now() + settings.link_lifetime_hours * 3600_000)
  const created = (await service.createDownloadGrants(
    settings.file_ids.map((file_id) => ({
      delivery_id: delivery.id,
      order_id: delivery.order_id,
      file_id,
      filename: files[file_id] ?? null,
      expires_at: expires,
      remaining_downloads: settings.max_downloads * delivery.quantity,
      max_downloads: settings.max_downloads * delivery.quantity,
    }))
  )) as unknown as Grant[]
  return created
}

/**
 * One attempt at one delivery the caller has leased: runs its method (a
 * dry run for test orders' outside-service methods), logs the attempt,
 * moves the delivery by the retry schedule and releases the lease. Writes a
 * timeline entry when the delivery is delivered or gives up, and emits
 * `order_ops.delivery.delivered` / `.failed`.
 */
export async function attemptDelivery(
  container: MedusaContainer,
  deliveryId: string,
  actorId: string | null = null
): Promise<DeliveryDTO> {
  const service = container.resolve<DigitalDeliveryModuleService>(DIGITAL_DELIVERY_MODULE)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const delivery = (await service.retrieveDelivery(deliveryId)) as unknown as DeliveryDTO
  if (delivery.status !== "pending" && delivery.status !== "awaiting_recipient") {
    await service.updateDeliveries({ id: delivery.id, locked_until: null })
    return delivery
  }
  const attempt = delivery.attempts + 1
  const started = Date.now()
  let result: AttemptResult
  try {
    const [product] = delivery.delivery_product_id
      ? ((await service.listDeliveryProducts({ id: delivery.delivery_product_id })) as unknown as DeliveryProductDTO[])
      : []
    if (!product || !product.enabled) {
      result = { outcome: "failed", message: "The variant has no enabled delivery product any more" }
    } else if (product.method === "download") {
      const settings = product.settings as unknown as DownloadSettings
      const grants = await ensureDownloadGrants(service, delivery, settings)
      result = {
        outcome: "delivered",
        message: `${grants.length} download link${grants.length === 1 ? "" : "s"} ready`,
        response: { grants: grants.map((g) => g.id), expires_at: grants[0]?.expires_at ?? null },
      }
    } else if (product.method === "license_code") {
      const { pool_id } = product.settings as unknown as LicenseCodeSettings
      const { codes, missing } = await service.assignLicenseCodes(delivery.id, pool_id, delivery.quantity)
      result = missing
        ? {
            outcome: "retry",
            message: `License pool is empty: ${codes.length} of ${delivery.quantity} code(s) assigned; add codes to the pool`,
            response: { assigned: codes.map(maskCode) },
          }
        : {
            outcome: "delivered",
            message: `${codes.length} license code${codes.length === 1 ? "" : "s"} assigned`,
            response: { codes: codes.map(maskCode) },
          }
    } else {
      const method = service.getRemoteMethod(product.method)
      const order = await loadDeliveryOrder(container, delivery.order_id)
      const context = deliveryContext(delivery, order, attempt)
      result = delivery.is_dry_run
        ? {
            outcome: "dry_run",
            message: "Dry run (test order): recorded, nothing sent",
            request: method.describe(product.settings as never, context),
          }
        : await method.deliver(product.settings as never, context)
    }
  } catch (error) {
    // A bug or an outage of our own (database): retried like any other failure.
    logger.warn(`medusa-order-ops: delivery ${delivery.id} attempt failed: ${(error as Error).message}`)
    result = { outcome: "retry", message: `Internal error: ${(error as Error).message}` }
  }

  const schedule = service.getOptions().digital_delivery.retry_minutes
  const next = nextDeliveryState(result.outcome, attempt, schedule, new Date(), result.retry_after_ms ?? null)
  const delivered = next.status === "delivered"
  const updated = (await service.recordDeliveryAttempt(
    {
      delivery_id: delivery.id,
      kind: "deliver",
      attempt,
      outcome: result.outcome,
      message: result.message,
      request: result.request ?? null,
      response: result.response ?? null,
      duration_ms: Date.now() - started,
      actor_id: actorId,
    },
    {
      id: delivery.id,
      status: next.status,
      attempts: attempt,
      next_attempt_at: next.next_attempt_at,
      outcome_unknown: next.outcome_unknown,
      last_error: delivered ? null : result.message,
      delivered_at: delivered ? new Date() : null,
      locked_until: null,
      data: { ...(delivery.data ?? {}), ...(result.data ?? {}) },
    }
  )) as unknown as DeliveryDTO

  if (updated.status !== delivery.status || delivered) {
    await recordDeliveryActivity(container, updated, actorId, result.message)
  }
  return updated
}

/** Timeline entry + event for a delivery's new status. */
export async function recordDeliveryActivity(
  container: MedusaContainer,
  delivery: DeliveryDTO,
  actorId: string | null,
  message: string | null
): Promise<void> {
  const activity = container.resolve<OrderActivityModuleService>(ORDER_ACTIVITY_MODULE)
  await activity.createOrderActivities({
    order_id: delivery.order_id,
    kind: `delivery.${delivery.status}`,
    actor_type: actorId ? "user" : "system",
    actor_id: actorId,
    resource_type: "delivery",
    resource_id: delivery.id,
    occurred_at: new Date(),
    data: {
      title: delivery.title,
      method: delivery.method,
      quantity: delivery.quantity,
      status: delivery.status,
      message,
      dry_run: delivery.is_dry_run,
      outcome_unknown: delivery.outcome_unknown,
    },
  })
  const name =
    delivery.status === "delivered"
      ? OrderOpsEvents.DELIVERY_DELIVERED
      : delivery.status === "failed"
        ? OrderOpsEvents.DELIVERY_FAILED
        : delivery.status === "revoked"
          ? OrderOpsEvents.DELIVERY_REVOKED
          : OrderOpsEvents.DELIVERY_UPDATED
  await container.resolve(Modules.EVENT_BUS).emit({
    name,
    data: { id: delivery.id, order_id: delivery.order_id, status: delivery.status },
  })
}
