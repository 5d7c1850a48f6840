import { keepPreviousData, useQuery } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"
import type { ExceptionKind, ExceptionRow, ExceptionThresholds } from "../../workflows/order-case/utils/exception-rules"

export type AdminOrderExceptionsResponse = {
  exceptions: ExceptionRow[]
  count: number
  counts: Record<ExceptionKind, number>
  limit: number
  offset: number
  thresholds: ExceptionThresholds
}

/** Query keys of the exceptions inbox; holds, disputes and labels invalidate `all`. */
export const orderExceptionKeys = {
  all: ["order-ops", "exceptions"] as const,
  list: (query: { rule?: string; offset: number }) => [...orderExceptionKeys.all, query] as const,
}

/** A page of the inbox, with the count per rule. */
export function useOrderExceptions(query: { rule?: ExceptionKind; offset: number; limit?: number }) {
  return useQuery({
    queryKey: orderExceptionKeys.list(query),
    queryFn: () =>
      sdk.client.fetch<AdminOrderExceptionsResponse>("/admin/order-ops/exceptions", {
        query: { ...(query.rule ? { rule: query.rule } : {}), offset: query.offset, limit: query.limit ?? 50 },
      }),
    placeholderData: keepPreviousData,
  })
}
