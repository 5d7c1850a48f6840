import {
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MedusaService,
} from "@medusajs/framework/utils"
import type { Context, ModuleJoinerConfig } from "@medusajs/framework/types"
import { orderStatusJoinerConfig } from "./joiner-config"
import { OrderStatusRow } from "./models"
import type { OrderStatusDTO, UpsertOrderStatusDTO } from "../../types"

/** Result of {@link OrderStatusModuleService.upsertOrderStatuses}. */
export type UpsertOrderStatusesResult = {
  /** The rows after the write, one per input. */
  rows: OrderStatusDTO[]
  /** Rows that existed before, as they were: what compensation puts back. */
  previous: OrderStatusDTO[]
  /** Ids of the rows this call created: what compensation deletes. */
  created_ids: string[]
}

/**
 * Owns the `order_status` read model: one row per order, keyed by
 * `order_id`. It stores what the refresh workflow computed and answers the
 * Order operations list; it never computes a status itself.
 */
class OrderStatusModuleService extends MedusaService({ OrderStatusRow }) {
  /** Query knows the rows as `order_status`; see ./joiner-config.ts. */
  __joinerConfig(): ModuleJoinerConfig {
    return orderStatusJoinerConfig
  }

  /**
   * Writes one row per order: updates the order's row when there is one,
   * creates it otherwise, in one transaction.
   *
   * @returns the rows, plus what existed before for compensation.
   */
  @InjectManager()
  async upsertOrderStatuses(
    data: UpsertOrderStatusDTO[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<UpsertOrderStatusesResult> {
    return await this.upsertOrderStatuses_(data, sharedContext)
  }

  @InjectTransactionManager()
  protected async upsertOrderStatuses_(
    data: UpsertOrderStatusDTO[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<UpsertOrderStatusesResult> {
    if (!data.length) {
      return { rows: [], previous: [], created_ids: [] }
    }
    // The last write for an order wins when one call carries it twice.
    const byOrder = new Map(data.map((row) => [row.order_id, row]))
    const orderIds = [...byOrder.keys()]
    const existing = (await this.listOrderStatusRows(
      { order_id: orderIds },
      {},
      sharedContext
    )) as unknown as OrderStatusDTO[]
    const existingByOrder = new Map(existing.map((row) => [row.order_id, row]))

    const toUpdate = orderIds
      .filter((orderId) => existingByOrder.has(orderId))
      .map((orderId) => ({ ...byOrder.get(orderId)!, id: existingByOrder.get(orderId)!.id }))
    const toCreate = orderIds
      .filter((orderId) => !existingByOrder.has(orderId))
      .map((orderId) => byOrder.get(orderId)!)

    let createdIds: string[] = []
    if (toUpdate.length) {
      await this.updateOrderStatusRows(toUpdate, sharedContext)
    }
    if (toCreate.length) {
      const created = await this.createOrderStatusRows(toCreate, sharedContext)
      createdIds = created.map((row) => row.id)
    }
    const rows = (await this.listOrderStatusRows(
      { order_id: orderIds },
      {},
      sharedContext
    )) as unknown as OrderStatusDTO[]
    return { rows, previous: existing, created_ids: createdIds }
  }

  /**
   * One keyset page of the list, for exports: the rows matching `filters`
   * (exactly what `buildOrderStatusListFilters` makes for the list), ordered
   * by placement date then id, strictly after the row `after_id`. The cursor
   * compares PostgreSQL's own values in one row-value comparison, so
   * microsecond timestamps never lose a row between pages, and every page
   * costs the same whatever its depth.
   */
  @InjectManager()
  async listOrderStatusRowsAfter(
    filters: Record<string, unknown>,
    page: { after_id?: string | null; descending: boolean; take: number },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<OrderStatusDTO[]> {
    const manager = sharedContext.manager as unknown as KeysetManager
    const direction = page.descending ? "desc" : "asc"
    const qb = manager
      .createQueryBuilder("OrderStatusRow", "os")
      .select("*")
      .where({ ...filters, deleted_at: null })
    if (page.after_id) {
      qb.andWhere(
        `(os.order_created_at, os.id) ${page.descending ? "<" : ">"} (select c.order_created_at, c.id from order_status c where c.id = ?)`,
        [page.after_id]
      )
    }
    const rows = await qb.orderBy({ order_created_at: direction, id: direction }).limit(page.take).execute("all", true)
    return rows as unknown as OrderStatusDTO[]
  }
}

/** The slice of MikroORM's entity manager the keyset page uses. */
type KeysetQueryBuilder = {
  select(fields: string): KeysetQueryBuilder
  where(cond: Record<string, unknown>): KeysetQueryBuilder
  andWhere(cond: string, params: unknown[]): KeysetQueryBuilder
  orderBy(order: Record<string, "asc" | "desc">): KeysetQueryBuilder
  limit(n: number): KeysetQueryBuilder
  execute(method: "all", mapResults: boolean): Promise<unknown[]>
}
type KeysetManager = { createQueryBuilder(entity: string, alias: string): KeysetQueryBuilder }

export default OrderStatusModuleService
