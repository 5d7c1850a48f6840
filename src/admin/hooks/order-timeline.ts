import { useInfiniteQuery } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"
import type { AdminOrderTimelineResponse } from "../lib/types"

export const TIMELINE_PAGE_SIZE = 20

/** Query keys for the timeline. */
export const orderTimelineKeys = {
  all: ["order-ops", "timeline"] as const,
  order: (orderId: string) => [...orderTimelineKeys.all, orderId] as const,
}

/** The order's timeline, newest first, a page at a time. */
export function useOrderTimeline(orderId: string) {
  return useInfiniteQuery({
    queryKey: orderTimelineKeys.order(orderId),
    initialPageParam: 0,
    queryFn: ({ pageParam }) =>
      sdk.client.fetch<AdminOrderTimelineResponse>(`/admin/orders/${orderId}/timeline`, {
        query: { limit: TIMELINE_PAGE_SIZE, offset: pageParam },
      }),
    getNextPageParam: (last) =>
      last.offset + last.timeline.length < last.count ? last.offset + last.limit : undefined,
  })
}
