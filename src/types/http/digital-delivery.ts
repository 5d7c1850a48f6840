import type {
  DeliveryAttemptDTO,
  DeliveryDTO,
  DeliveryProductDTO,
  DownloadGrantDTO,
  LicenseCodeDTO,
  LicensePoolDTO,
} from "../../workflows/digital-delivery/utils/types"

/** A delivery product as the admin API shows it: secrets (`secret`, `password`, `bot_token`) masked, `••••abcd`. */
export type AdminDeliveryProduct = DeliveryProductDTO

/** `GET /admin/delivery-products` */
export type AdminDeliveryProductsResponse = { delivery_products: AdminDeliveryProduct[]; count: number }
/** `GET|POST /admin/delivery-products/:id`, `POST /admin/delivery-products` */
export type AdminDeliveryProductResponse = { delivery_product: AdminDeliveryProduct }

/** One row of a delivery's attempt log (`listOrderDeliveries`). */
export type AdminDeliveryAttempt = Pick<
  DeliveryAttemptDTO,
  "id" | "kind" | "attempt" | "outcome" | "message" | "request" | "response" | "duration_ms" | "actor_id" | "created_at"
>

/** A download link's state, without its token (`listOrderDeliveries`). */
export type AdminDeliveryDownload = Pick<
  DownloadGrantDTO,
  "id" | "filename" | "expires_at" | "remaining_downloads" | "max_downloads" | "revoked_at"
>

/** A license code assigned to a delivery, as its delivery lists it. */
export type AdminDeliveryCode = Pick<LicenseCodeDTO, "code" | "status" | "assigned_at">

/**
 * A delivery as `GET /admin/orders/:id/deliveries` shows it (`listOrderDeliveries`):
 * the row with its status's name, attempt log (newest first), codes and download links.
 * Its `line_item_id` names the order line; the variant title tells e.g. EPUB from PDF.
 */
export type AdminDelivery = DeliveryDTO & {
  status_label: string
  attempts_log: AdminDeliveryAttempt[]
  codes: AdminDeliveryCode[]
  downloads: AdminDeliveryDownload[]
}

/** `GET /admin/orders/:id/deliveries`: with the order's status and whether it completes itself once all is delivered. */
export type AdminOrderDeliveriesResponse = { deliveries: AdminDelivery[]; order_status: string; auto_complete: boolean }

/**
 * `POST /admin/deliveries/:id/retry|mark-delivered|close-revoke`: the delivery's row
 * as the action left it — no attempt log, codes or links (the admin reloads the order's deliveries).
 */
export type AdminDeliveryResponse = { delivery: DeliveryDTO }

/** `POST /admin/orders/:id/deliveries/complete` */
export type AdminCompleteDigitalOrderResponse = { order_id: string; completed: boolean }

/** `POST /admin/orders/:id/deliveries/resend`: whether the email went out (else why not) and what it carried. */
export type AdminResendDeliveryResponse = { sent: boolean; reason: string | null; downloads: number; codes: number }

/** A pool's codes by status (`countLicenseCodes`). */
export type LicenseCounts = Record<LicenseCodeDTO["status"], number>

/** A license pool with its code counts. */
export type AdminLicensePool = LicensePoolDTO & { counts: LicenseCounts }

/** `GET /admin/license-pools` */
export type AdminLicensePoolsResponse = { license_pools: AdminLicensePool[]; count: number }
/** `GET|POST /admin/license-pools/:id`, `POST /admin/license-pools` */
export type AdminLicensePoolResponse = { license_pool: AdminLicensePool }

/** A license code in a pool's list (`GET /admin/license-pools/:id/codes`). */
export type AdminLicenseCode = LicenseCodeDTO

/** `GET /admin/license-pools/:id/codes` */
export type AdminLicenseCodesResponse = { codes: AdminLicenseCode[]; count: number; limit: number; offset: number }
/** `POST /admin/license-pools/:id/codes`: codes added, duplicates skipped, and the pool's counts after. */
export type AdminImportLicenseCodesResponse = { imported: number; skipped: number; counts: LicenseCounts }
