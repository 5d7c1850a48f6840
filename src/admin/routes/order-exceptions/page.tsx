import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ExclamationCircle } from "@medusajs/icons"
import { Badge, Button, Container, Heading, Select, Table, Text } from "@medusajs/ui"
import { Link, useSearchParams } from "react-router-dom"
import { useOrderExceptions } from "../../hooks/order-exceptions"
import { errorMessage } from "../../lib/errors"
import { formatDateTime } from "../../lib/format"
import { EXCEPTION_LOOK } from "../../lib/order-exceptions"
import type { ExceptionKind } from "../../../workflows/order-case/utils/exception-rules"

const PAGE_SIZE = 50

/** Everything that needs a person, one row per cause, oldest first; resolving the cause clears the row. */
const OrderExceptionsPage = () => {
  const [params, setParams] = useSearchParams()
  const rule = (params.get("rule") || undefined) as ExceptionKind | undefined
  const offset = Math.max(0, Number(params.get("offset")) || 0)
  const { data, isPending, isError, error, refetch } = useOrderExceptions({ rule, offset, limit: PAGE_SIZE })
  const total = data ? Object.values(data.counts).reduce((a, b) => a + b, 0) : 0
  const set = (key: string, value: string | null) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev)
      if (value) next.set(key, value)
      else next.delete(key)
      if (key !== "offset") next.delete("offset")
      return next
    })

  return (
    <Container className="divide-y p-0" data-testid="order-exceptions-page">
      <div className="flex flex-wrap items-center justify-between gap-4 px-6 py-4">
        <div>
          <div className="flex items-center gap-x-2">
            <Heading>Exceptions</Heading>
            <Badge size="small" color={total ? "red" : "green"} data-testid="order-exceptions-count">
              {total}
            </Badge>
          </div>
          <Text size="small" className="text-ui-fg-subtle">Orders that need a person, oldest first. Fix the cause and the row goes away.</Text>
        </div>
        <Select value={rule ?? "all"} onValueChange={(v) => set("rule", v === "all" ? null : v)}>
          <Select.Trigger className="w-[280px]" data-testid="order-exceptions-rule"><Select.Value /></Select.Trigger>
          <Select.Content>
            <Select.Item value="all">All rules ({total})</Select.Item>
            {data &&
              (Object.keys(EXCEPTION_LOOK) as ExceptionKind[]).map((k) => (
                <Select.Item key={k} value={k}>
                  {EXCEPTION_LOOK[k].label(data.thresholds)} ({data.counts[k] ?? 0})
                </Select.Item>
              ))}
          </Select.Content>
        </Select>
      </div>
      {isPending ? (
        <Text size="small" className="px-6 py-10 text-ui-fg-muted">Loading…</Text>
      ) : isError ? (
        <div className="flex items-center gap-x-2 px-6 py-10">
          <Text size="small" className="text-ui-fg-error">Couldn't load exceptions: {errorMessage(error)}</Text>
          <Button size="small" variant="secondary" onClick={() => refetch()}>Retry</Button>
        </div>
      ) : data.exceptions.length === 0 ? (
        <Text size="small" className="px-6 py-10 text-ui-fg-muted" data-testid="order-exceptions-empty">Nothing needs attention.</Text>
      ) : (
        <>
          <Table data-testid="order-exceptions-table">
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Order</Table.HeaderCell>
                <Table.HeaderCell>Why</Table.HeaderCell>
                <Table.HeaderCell>Since / due</Table.HeaderCell>
                <Table.HeaderCell>Fix</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {data.exceptions.map((e) => (
                <Table.Row key={`${e.rule}:${e.resource_id}`} data-testid="order-exception-row" data-rule={e.rule} data-order-id={e.order_id}>
                  <Table.Cell>
                    <Link to={`/orders/${e.order_id}`} className="text-ui-fg-interactive txt-compact-small-plus">
                      {e.display_id ? `#${e.display_id}` : e.order_id}
                    </Link>
                    {e.email && <Text size="xsmall" className="text-ui-fg-muted">{e.email}</Text>}
                  </Table.Cell>
                  <Table.Cell>
                    <Text size="small">{EXCEPTION_LOOK[e.rule]?.label(data.thresholds) ?? e.rule}</Text>
                    {e.detail && <Text size="xsmall" className="text-ui-fg-subtle">{e.detail}</Text>}
                  </Table.Cell>
                  <Table.Cell className="whitespace-nowrap">{formatDateTime(e.since)}</Table.Cell>
                  <Table.Cell>
                    <Link to={`/orders/${e.order_id}`} className="text-ui-fg-interactive txt-compact-small">
                      {EXCEPTION_LOOK[e.rule]?.fix ?? "Open order"}
                    </Link>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
          <Table.Pagination
            count={data.count}
            pageSize={PAGE_SIZE}
            pageIndex={Math.floor(offset / PAGE_SIZE)}
            pageCount={Math.ceil(data.count / PAGE_SIZE)}
            canPreviousPage={offset > 0}
            canNextPage={offset + PAGE_SIZE < data.count}
            previousPage={() => set("offset", String(Math.max(0, offset - PAGE_SIZE)))}
            nextPage={() => set("offset", String(offset + PAGE_SIZE))}
            translations={{ of: "of", results: "rows", pages: "pages", prev: "Previous", next: "Next" }}
          />
        </>
      )}
    </Container>
  )
}

export const config = defineRouteConfig({ label: "Exceptions", icon: ExclamationCircle })

export const handle = { breadcrumb: () => "Exceptions" }

export default OrderExceptionsPage
