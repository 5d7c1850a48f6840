/** A carrier merchants pick from; `tracking` builds the public tracking page URL. */
export type KnownCarrier = { code: string; name: string; tracking: (number: string) => string }

const enc = encodeURIComponent

/** Well-known carriers whose tracking URL we can build from the number alone. */
export const KNOWN_CARRIERS: KnownCarrier[] = [
  { code: "ups", name: "UPS", tracking: (n) => `https://www.ups.com/track?tracknum=${enc(n)}` },
  { code: "fedex", name: "FedEx", tracking: (n) => `https://www.fedex.com/fedextrack/?trknbr=${enc(n)}` },
  { code: "usps", name: "USPS", tracking: (n) => `https://tools.usps.com/go/TrackConfirmAction?tLabels=${enc(n)}` },
  { code: "dhl", name: "DHL Express", tracking: (n) => `https://www.dhl.com/global-en/home/tracking/tracking-express.html?submit=1&tracking-id=${enc(n)}` },
  { code: "dhl_parcel", name: "DHL Parcel", tracking: (n) => `https://www.dhl.de/en/privatkunden/pakete-empfangen/verfolgen.html?piececode=${enc(n)}` },
  { code: "postnord", name: "PostNord", tracking: (n) => `https://www.postnord.dk/en/track-and-trace#dynamicloading=true&shipmentid=${enc(n)}` },
  { code: "gls", name: "GLS", tracking: (n) => `https://gls-group.com/track/${enc(n)}` },
  { code: "dpd", name: "DPD", tracking: (n) => `https://tracking.dpd.de/status/en_US/parcel/${enc(n)}` },
  { code: "royal_mail", name: "Royal Mail", tracking: (n) => `https://www.royalmail.com/track-your-item#/tracking-results/${enc(n)}` },
]

const BY_CODE = new Map(KNOWN_CARRIERS.map((c) => [c.code, c]))
const BY_NAME = new Map(KNOWN_CARRIERS.map((c) => [c.name.toLowerCase(), c]))

/** Finds a known carrier by code or display name, case-insensitively. */
export function findCarrier(carrier?: string | null): KnownCarrier | undefined {
  if (!carrier) {
    return undefined
  }
  const key = carrier.trim().toLowerCase()
  return BY_CODE.get(key) ?? BY_CODE.get(key.replace(/[\s-]+/g, "_")) ?? BY_NAME.get(key)
}

/** The carrier's display name: the known name, or what the merchant typed. */
export function carrierName(carrier?: string | null): string | null {
  return carrier ? findCarrier(carrier)?.name ?? carrier : null
}

/**
 * The tracking URL to store: the one typed, else one built for a known
 * carrier, else none.
 */
export function resolveTrackingUrl(
  carrier?: string | null,
  trackingNumber?: string | null,
  typedUrl?: string | null
): string | null {
  if (typedUrl) {
    return typedUrl
  }
  const known = findCarrier(carrier)
  return known && trackingNumber ? known.tracking(trackingNumber.trim()) : null
}

const hostOf = (url: string): string | null => {
  try {
    return new URL(url).hostname.replace(/^www\./, "").toLowerCase()
  } catch {
    return null
  }
}

/**
 * The known carrier whose tracking page a link points at (same host), e.g.
 * a label handed over by another fulfillment provider. Undefined otherwise.
 */
export function findCarrierByTrackingUrl(url?: string | null): KnownCarrier | undefined {
  const host = url ? hostOf(url) : null
  return host ? KNOWN_CARRIERS.find((c) => hostOf(c.tracking("0")) === host) : undefined
}
