import { keepPreviousData, useQuery } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"

/** Query keys for the catalog lookups the test-order form picks from (Medusa's own admin API). */
export const catalogKeys = {
  all: ["order-ops", "catalog"] as const,
  products: (q: string) => [...catalogKeys.all, "products", q] as const,
  regions: () => [...catalogKeys.all, "regions"] as const,
  shippingOptions: () => [...catalogKeys.all, "shipping-options"] as const,
}

/** Products matching a search, with their variants, for the variant picker. */
export function useProductSearch(q: string) {
  return useQuery({
    queryKey: catalogKeys.products(q),
    queryFn: () =>
      sdk.admin.product.list({
        q: q || undefined,
        limit: 8,
        fields: "id,title,thumbnail,*variants",
      }),
    placeholderData: keepPreviousData,
  })
}

export function useRegions() {
  return useQuery({
    queryKey: catalogKeys.regions(),
    queryFn: () => sdk.admin.region.list({ limit: 100, fields: "id,name,currency_code" }),
  })
}

export function useShippingOptions() {
  return useQuery({
    queryKey: catalogKeys.shippingOptions(),
    queryFn: () => sdk.admin.shippingOption.list({ limit: 100 }),
  })
}
