import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { DIGITAL_DELIVERY_MODULE } from "../../../modules/digital-delivery"
import { DeliveryMethodRegistry } from "../../../modules/digital-delivery/methods"
import type DigitalDeliveryModuleService from "../../../modules/digital-delivery/service"
import { DELIVERY_STATUS_LABELS } from "../../../modules/digital-delivery/state-machine"
import type { DeliveryStatus } from "../../../modules/digital-delivery/methods/types"
import type { DeliveryAttemptDTO, DeliveryDTO, DeliveryProductDTO } from "../../../workflows/digital-delivery/utils/types"
import type { AdminDelivery, AdminDeliveryProduct } from "../../../types"

/** The methods' secret fields come from the one registry (they do not depend on the plugin options). */
const registry = new DeliveryMethodRegistry()

/** Settings with the method's secrets masked (`maskSecret`). */
export function maskSettings(method: string, settings: Record<string, unknown>): Record<string, unknown> {
  return registry.maskSettings(method, settings)
}

/** A delivery product as the API shows it. */
export function serializeDeliveryProduct(product: DeliveryProductDTO): AdminDeliveryProduct {
  return { ...product, settings: maskSettings(product.method, product.settings) }
}

/**
 * Keeps stored secrets when an update sends them back masked or leaves
 * them out, so editing other fields never needs the secret again.
 */
export function mergeSecrets(method: string, previous: Record<string, unknown>, next: Record<string, unknown>): Record<string, unknown> {
  return registry.mergeSecrets(method, previous, next)
}

/** @throws MedusaError NOT_FOUND */
export async function retrieveDeliveryProduct(scope: MedusaContainer, id: string): Promise<DeliveryProductDTO> {
  const [product] = (await scope
    .resolve<DigitalDeliveryModuleService>(DIGITAL_DELIVERY_MODULE)
    .listDeliveryProducts({ id })) as unknown as DeliveryProductDTO[]
  if (!product) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Delivery product with id: ${id} was not found`)
  }
  return product
}

/** An order's deliveries with their attempt log (newest first), codes and download grants. */
export async function listOrderDeliveries(scope: MedusaContainer, orderId: string): Promise<AdminDelivery[]> {
  const service = scope.resolve<DigitalDeliveryModuleService>(DIGITAL_DELIVERY_MODULE)
  const deliveries = (await service.listDeliveries(
    { order_id: orderId },
    { relations: ["attempt_log"], order: { created_at: "ASC" } }
  )) as unknown as (DeliveryDTO & { attempt_log: DeliveryAttemptDTO[] })[]
  if (!deliveries.length) {
    return []
  }
  const ids = deliveries.map((d) => d.id)
  const [codes, grants] = await Promise.all([
    service.listLicenseCodes({ delivery_id: ids }, { select: ["id", "code", "status", "delivery_id", "assigned_at"] }),
    service.listDownloadGrants({ delivery_id: ids }),
  ])
  return deliveries.map((delivery) => {
    const { attempt_log, ...rest } = delivery
    return {
      ...rest,
      status_label: DELIVERY_STATUS_LABELS[delivery.status as DeliveryStatus],
      attempts_log: [...attempt_log].sort((a, b) => new Date(b.created_at).getTime() - new Date(a.created_at).getTime()),
      codes: codes.filter((c) => c.delivery_id === delivery.id).map((c) => ({ code: c.code, status: c.status, assigned_at: c.assigned_at })),
      downloads: grants
        .filter((g) => g.delivery_id === delivery.id)
        .map((g) => ({
          id: g.id,
          filename: g.filename,
          expires_at: g.expires_at,
          remaining_downloads: g.remaining_downloads,
          max_downloads: g.max_downloads,
          revoked_at: g.revoked_at,
        })),
    }
  })
}
