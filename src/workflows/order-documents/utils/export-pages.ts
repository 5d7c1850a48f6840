import type OrderStatusModuleService from "../../../modules/order-status/service"
import type { OrderStatusDTO } from "../../../types"
import type { ExportQuery } from "./export-params"

/**
 * The export's orders, one keyset page at a time, in the list's date
 * direction (id breaks ties): every page is one indexed query, whatever its
 * depth, and only one page is in memory.
 */
export async function* exportPages(
  statuses: OrderStatusModuleService,
  query: ExportQuery,
  pageSize: number
): AsyncGenerator<OrderStatusDTO[]> {
  let after: string | null = null
  for (;;) {
    const page = await statuses.listOrderStatusRowsAfter(query.filters, {
      after_id: after,
      descending: query.descending,
      take: pageSize,
    })
    if (!page.length) {
      return
    }
    yield page
    if (page.length < pageSize) {
      return
    }
    after = page[page.length - 1].id
  }
}
