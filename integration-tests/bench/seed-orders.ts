import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { ORDER_FULFILLMENT_STATUSES, ORDER_PAYMENT_STATUSES } from "../../src/modules/order-status"

export type Knex = { raw: (sql: string, bindings?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }> }

/** Tables the seed fills, for a closing `VACUUM ANALYZE`. */
export const SEEDED_TABLES = [
  "order",
  "order_summary",
  "order_item",
  "order_line_item",
  "order_shipping",
  "order_shipping_method",
  "order_status",
] as const

/**
 * Copies one table's rows matching `where` `count` times with SQL
 * (`INSERT … SELECT … FROM generate_series`), column by column: `set`
 * replaces a column with an SQL expression of `g` (1…count), `omit` leaves
 * it to its default, every other column is copied from the template row.
 */
async function cloneRows(
  knex: Knex,
  count: number,
  table: string,
  where: string,
  set: Record<string, string>,
  omit: string[] = []
): Promise<void> {
  const { rows } = await knex.raw(
    `select column_name from information_schema.columns where table_schema = current_schema() and table_name = ? order by ordinal_position`,
    [table]
  )
  const columns = rows.map((r) => String(r.column_name)).filter((c) => !omit.includes(c))
  const list = columns.map((c) => `"${c}"`).join(", ")
  const values = columns.map((c) => set[c] ?? `t."${c}"`).join(", ")
  await knex.raw(
    `insert into "${table}" (${list}) select ${values} from generate_series(1, ${count}) as g, (select * from "${table}" where ${where}) as t order by g`
  )
}

const pad = (prefix: string) => `'${prefix}' || lpad(g::text, 7, '0')`

/** The id the seed gives its n-th order (1-based). */
export const benchOrderId = (n: number) => `order_b${String(n).padStart(7, "0")}`

/**
 * The benchmarks' orders (the fastest honest way): one template order is
 * created through Medusa's order module (one line item, one shipping method,
 * its summary), then its rows in `order`, `order_summary`, `order_line_item`,
 * `order_item`, `order_shipping_method` and `order_shipping` are copied
 * `count` times with `INSERT … SELECT … FROM generate_series`, with new ids
 * ({@link benchOrderId}), display ids from the sequence and placement times
 * one per 10 seconds up to now. These are exactly the tables core reads to
 * list orders with their totals. Their `order_status` rows are inserted the
 * same way, the statuses spread evenly over the nine fulfillment (and six
 * payment) statuses. The template order itself gets no `order_status` row.
 *
 * Returns the template order's id and the seconds the seed took.
 */
export async function seedBenchOrders(
  container: MedusaContainer,
  count: number
): Promise<{ template_id: string; seconds: number }> {
  const knex = container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
  const started = Date.now()
  const template = await container.resolve(Modules.ORDER).createOrders({
    currency_code: "eur",
    email: "template@bench.test",
    items: [{ title: "Bench tee", quantity: 2, unit_price: 15 }],
    shipping_methods: [{ name: "Standard", amount: 5 }],
  })
  const T = `'${template.id}'`
  const orderId = pad("order_b")
  await cloneRows(
    knex,
    count,
    "order",
    `id = ${T}`,
    {
      id: orderId,
      email: `'customer' || (g % 5000) || '@bench.test'`,
      created_at: `now() - (${count} - g) * interval '10 seconds'`,
      updated_at: `now() - (${count} - g) * interval '10 seconds'`,
    },
    ["display_id"]
  )
  await cloneRows(knex, count, "order_summary", `order_id = ${T}`, { id: pad("ordsum_b"), order_id: orderId })
  await cloneRows(knex, count, "order_line_item", `id in (select item_id from order_item where order_id = ${T})`, {
    id: pad("ordli_b"),
  })
  await cloneRows(knex, count, "order_item", `order_id = ${T}`, {
    id: pad("orditem_b"),
    order_id: orderId,
    item_id: pad("ordli_b"),
  })
  await cloneRows(
    knex,
    count,
    "order_shipping_method",
    `id in (select shipping_method_id from order_shipping where order_id = ${T})`,
    { id: pad("ordsm_b") }
  )
  await cloneRows(knex, count, "order_shipping", `order_id = ${T}`, {
    id: pad("ordspmv_b"),
    order_id: orderId,
    shipping_method_id: pad("ordsm_b"),
  })
  const fulfillment = `(array[${ORDER_FULFILLMENT_STATUSES.map((s) => `'${s}'`).join(",")}])[1 + g % ${ORDER_FULFILLMENT_STATUSES.length}]`
  const payment = `(array[${ORDER_PAYMENT_STATUSES.map((s) => `'${s}'`).join(",")}])[1 + g % ${ORDER_PAYMENT_STATUSES.length}]`
  await knex.raw(`
    insert into order_status (id, order_id, display_id, email, customer_id, customer_name, currency_code,
      total, raw_total, fulfillment_status, payment_status, is_test, item_count, shipment_count,
      shipment_statuses, order_created_at, canceled_at, computed_at)
    select ${pad("ostat_b")}, o.id, o.display_id, o.email, null, 'Bench Customer ' || (g % 5000), o.currency_code,
      35, '{"value": "35", "precision": 20}'::jsonb, ${fulfillment}, ${payment}, false, 2, 0,
      '{}', o.created_at, null, now()
    from generate_series(1, ${count}) as g join "order" o on o.id = ${orderId}`)
  return { template_id: template.id, seconds: (Date.now() - started) / 1000 }
}

/** `VACUUM ANALYZE` of the seeded tables, as autovacuum would in a live store. */
export async function vacuumSeededTables(container: MedusaContainer): Promise<void> {
  const knex = container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
  for (const table of SEEDED_TABLES) {
    await knex.raw(`vacuum analyze "${table}"`)
  }
}
