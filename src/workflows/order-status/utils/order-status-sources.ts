/**
 * Every table an order's `order_status` row is computed from, each as the
 * SQL that maps one of its rows to an order: Medusa's (the order and its
 * items, summary, changes, transactions, returns, claims, exchanges, payment
 * collections, payments, captures, refunds, fulfillments and the links
 * between them) and ours (shipments, digital deliveries, test orders). The
 * heal job asks, for each, which rows changed (`updated_at`, or
 * `deleted_at` for a soft delete) after its cursor. A feature that makes
 * statuses depend on another table adds it here.
 *
 * `x` is the changed row; `order_id` is the SQL naming its order.
 */
export const ORDER_STATUS_SOURCES: { name: string; from: string; order_id: string }[] = [
  { name: "order", from: `"order" x`, order_id: `x."id"` },
  { name: "order_summary", from: `"order_summary" x`, order_id: `x."order_id"` },
  { name: "order_item", from: `"order_item" x`, order_id: `x."order_id"` },
  { name: "order_change", from: `"order_change" x`, order_id: `x."order_id"` },
  { name: "order_transaction", from: `"order_transaction" x`, order_id: `x."order_id"` },
  { name: "return", from: `"return" x`, order_id: `x."order_id"` },
  { name: "order_claim", from: `"order_claim" x`, order_id: `x."order_id"` },
  { name: "order_exchange", from: `"order_exchange" x`, order_id: `x."order_id"` },
  { name: "order_payment_collection", from: `"order_payment_collection" x`, order_id: `x."order_id"` },
  {
    name: "payment_collection",
    from: `"payment_collection" x join "order_payment_collection" l on l."payment_collection_id" = x."id"`,
    order_id: `l."order_id"`,
  },
  {
    name: "payment",
    from: `"payment" x join "order_payment_collection" l on l."payment_collection_id" = x."payment_collection_id"`,
    order_id: `l."order_id"`,
  },
  {
    name: "capture",
    from: `"capture" x join "payment" p on p."id" = x."payment_id" join "order_payment_collection" l on l."payment_collection_id" = p."payment_collection_id"`,
    order_id: `l."order_id"`,
  },
  {
    name: "refund",
    from: `"refund" x join "payment" p on p."id" = x."payment_id" join "order_payment_collection" l on l."payment_collection_id" = p."payment_collection_id"`,
    order_id: `l."order_id"`,
  },
  { name: "order_fulfillment", from: `"order_fulfillment" x`, order_id: `x."order_id"` },
  {
    name: "fulfillment",
    from: `"fulfillment" x join "order_fulfillment" l on l."fulfillment_id" = x."id"`,
    order_id: `l."order_id"`,
  },
  { name: "shipment", from: `"shipment" x`, order_id: `x."order_id"` },
  { name: "delivery", from: `"delivery" x`, order_id: `x."order_id"` },
  { name: "test_order", from: `"test_order" x`, order_id: `x."order_id"` },
]

/**
 * A row computed less than this after its latest source change is still
 * looked at again: the change may have been written (its `updated_at` set
 * by the application) before the computation began but committed after.
 */
export const ORDER_STATUS_COMMIT_SLACK_SECONDS = 5

/**
 * The heal job's query: orders with a source changed after `since` whose
 * `order_status` row is missing or was computed before (or within the
 * commit slack after) that change, oldest change first, at most `limit`.
 * Draft and deleted orders have no row and are left out.
 *
 * Raw SQL on purpose: it reads a dozen modules' tables in one round trip,
 * where Query would load every changed record of every kind.
 *
 * @returns the SQL and its bindings (for knex `raw`).
 */
export function staleOrderStatusesQuery(since: string, limit: number): { sql: string; bindings: unknown[] } {
  const bindings: unknown[] = []
  const parts = ORDER_STATUS_SOURCES.map((source) => {
    bindings.push(since, since)
    return `select ${source.order_id} as "order_id", greatest(x."updated_at", x."deleted_at") as "changed_at"
      from ${source.from} where x."updated_at" > ?::timestamptz or x."deleted_at" > ?::timestamptz`
  })
  bindings.push(limit)
  const sql = `with "source" as (${parts.join("\n union all ")}),
    "latest" as (select "order_id", max("changed_at") as "source_at" from "source" group by "order_id")
    select l."order_id", l."source_at" from "latest" l
    join "order" o on o."id" = l."order_id" and o."deleted_at" is null and o."is_draft_order" = false
    left join "order_status" s on s."order_id" = l."order_id" and s."deleted_at" is null
    where s."id" is null or s."computed_at" < l."source_at" + interval '${ORDER_STATUS_COMMIT_SLACK_SECONDS} seconds'
    order by l."source_at", l."order_id"
    limit ?`
  return { sql, bindings }
}
