import type DigitalDeliveryModuleService from "../../../modules/digital-delivery/service"
import type { DeliveryRuntime } from "../../../modules/digital-delivery/methods/types"
import { ensureDownloadGrants } from "./attempt-delivery"
import type { DeliveryDTO } from "./types"

/** The public path of a download link (no publishable key needed: the token is the credential). */
export function downloadPath(token: string): string {
  return `/downloads/${token}`
}

/**
 * What the database-backed methods (download, license code) get to do
 * their work: the module's own tables, through its service.
 */
export function deliveryRuntime(service: DigitalDeliveryModuleService): DeliveryRuntime {
  return {
    async ensureDownloadGrants(context, settings) {
      const delivery = (await service.retrieveDelivery(context.delivery_id)) as unknown as DeliveryDTO
      return ensureDownloadGrants(service, delivery, settings)
    },
    async revokeDownloadGrants(delivery_id) {
      const grants = (await service.listDownloadGrants({ delivery_id })) as unknown as { id: string; revoked_at: Date | null }[]
      const live = grants.filter((g) => !g.revoked_at)
      if (live.length) {
        await service.updateDownloadGrants(live.map((g) => ({ id: g.id, revoked_at: new Date() })))
      }
      return live.length
    },
    assignLicenseCodes: (delivery_id, pool_id, quantity) => service.assignLicenseCodes(delivery_id, pool_id, quantity),
    async revokeLicenseCodes(delivery_id) {
      const codes = (await service.listLicenseCodes({ delivery_id })) as unknown as { id: string; status: string }[]
      const assigned = codes.filter((c) => c.status === "assigned")
      if (assigned.length) {
        await service.updateLicenseCodes(assigned.map((c) => ({ id: c.id, status: "revoked" as const, revoked_at: new Date() })))
      }
      return assigned.length
    },
    async licensePoolExists(pool_id) {
      return (await service.listLicensePools({ id: pool_id })).length > 0
    },
    async downloadLinks(context, settings, fresh) {
      // Fresh links retire the old ones and carry over what was left, never a new allowance.
      const reissued = fresh
        ? await service.reissueDownloadGrants(context.delivery_id, new Date(Date.now() + settings.link_lifetime_hours * 3600_000))
        : []
      const delivery = reissued.length ? null : ((await service.retrieveDelivery(context.delivery_id)) as unknown as DeliveryDTO)
      const grants = reissued.length ? reissued : await ensureDownloadGrants(service, delivery as DeliveryDTO, settings, false)
      const base = (process.env.MEDUSA_BACKEND_URL ?? "").replace(/\/$/, "")
      return grants.map((grant) => ({
        filename: grant.filename,
        url: `${base}${downloadPath(service.signDownloadToken(grant.id, new Date(grant.expires_at)))}`,
        expires_at: new Date(grant.expires_at).toISOString(),
        remaining_downloads: grant.remaining_downloads,
      }))
    },
    async assignedLicenseCodes(delivery_id) {
      const codes = (await service.listLicenseCodes({ delivery_id, status: "assigned" })) as unknown as { code: string }[]
      return codes.map((c) => c.code)
    },
  }
}
