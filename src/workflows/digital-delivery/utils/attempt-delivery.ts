import type DigitalDeliveryModuleService from "../../../modules/digital-delivery/service"
import { maskSecret } from "../../../modules/digital-delivery/methods/shared"
import type { DeliveryContext, DownloadSettings } from "../../../modules/digital-delivery/methods/types"
import type { DeliveryOrder } from "./order-context"
import type { DeliveryDTO } from "./types"

/** A code as the attempt log shows it: the plugin's one masking function. */
export const maskCode = maskSecret

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
