import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ArrowDownMini, ArrowUpMini, ChevronDownMini, TrianglesMini, TruckFast, XMarkMini } from "@medusajs/icons"
import {
  Badge,
  Button,
  Container,
  DatePicker,
  DropdownMenu,
  Heading,
  Input,
  Table,
  Text,
  clx,
  toast,
  usePrompt,
} from "@medusajs/ui"
import { useEffect, useMemo, useRef, useState, type ReactNode } from "react"
import { Link, useNavigate, useSearchParams } from "react-router-dom"
import { FulfillmentStatusBadge, PaymentStatusBadge } from "../../components/status-badges"
import { OrderCaseBadges } from "../../components/order-case/order-case-badges"
import { ORDER_CASE_PARAMS, OrderCaseFilters, orderCaseQuery } from "../../components/order-case/order-case-filters"
import { PlaceTestOrderButton } from "../../components/test-orders/place-test-order-drawer"
import { DeliveryStatusFilter, readDeliveryStatuses } from "../../components/order-ops/delivery-status-filter"
import { BulkActionBar, exportSelectionAction, SelectionCell, SelectionHeaderCell, useOrderSelection } from "../../components/order-documents/bulk-actions"
import { OrderExportButton, toExportFilters } from "../../components/order-documents/export-drawer"
import { printPackingSlipsAction } from "../../components/order-documents/packing-slips-action"
import { issueInvoicesAction, markAsShippedAction } from "../../components/order-documents/bulk-order-action"
import { buyLabelsAction } from "../../components/labels/buy-labels-action"
import { useOrderOpsOrders } from "../../hooks/order-ops"
import { usePurgeTestOrders, useTestOrders } from "../../hooks/test-orders"
import { errorMessage } from "../../lib/errors"
import { formatAmount, formatDateTime, fromIsoDay, toIsoDay } from "../../lib/format"
import {
  FULFILLMENT_STATUS,
  FULFILLMENT_STATUSES,
  PAYMENT_STATUS,
  PAYMENT_STATUSES,
  shipmentStatusLook,
  type StatusLook,
} from "../../lib/status"
import type {
  AdminOrderOpsListQuery,
  AdminOrderOpsRow,
  OrderFulfillmentStatus,
  OrderOpsSort,
  OrderPaymentStatus,
} from "../../lib/types"

const PAGE_SIZE = 20
const SORTS: OrderOpsSort[] = ["-created_at", "created_at", "-total", "total"]
const DEFAULT_SORT: OrderOpsSort = "-created_at"
const SEARCH_DEBOUNCE_MS = 300

/**
 * The page's state lives in the URL (`?fulfillment_status=…&from=2026-11-01&q=…&order=-total&offset=20`),
 * so a filtered view can be bookmarked and shared.
 */
function useListState() {
  const [params, setParams] = useSearchParams()
  const state = useMemo(() => {
    const fulfillment = params
      .getAll("fulfillment_status")
      .filter((s): s is OrderFulfillmentStatus => s in FULFILLMENT_STATUS)
    const payment = params.getAll("payment_status").filter((s): s is OrderPaymentStatus => s in PAYMENT_STATUS)
    const sortParam = params.get("order") as OrderOpsSort | null
    const offset = Math.max(0, Math.floor(Number(params.get("offset")) || 0))
    const isTest = params.get("is_test")
    return {
      fulfillment,
      payment,
      delivery: readDeliveryStatuses(params),
      from: fromIsoDay(params.get("from")),
      to: fromIsoDay(params.get("to")),
      q: params.get("q") ?? "",
      kind: (isTest === "true" ? "test" : isTest === "false" ? "real" : "all") as OrderKind,
      sort: sortParam && SORTS.includes(sortParam) ? sortParam : DEFAULT_SORT,
      offset,
      orderCase: orderCaseQuery(params),
    }
  }, [params])

  /** Changes some parameters; any change but paging goes back to the first page. */
  const update = (changes: Record<string, string | string[] | null>, keepOffset = false) => {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev)
        for (const [key, value] of Object.entries(changes)) {
          next.delete(key)
          for (const v of Array.isArray(value) ? value : value ? [value] : []) next.append(key, v)
        }
        if (!keepOffset) next.delete("offset")
        return next
      },
      { replace: true }
    )
  }

  const clear = () =>
    update({ fulfillment_status: null, payment_status: null, delivery_status: null, from: null, to: null, q: null, is_test: null, ...Object.fromEntries(ORDER_CASE_PARAMS.map((p) => [p, null])) })

  const filtered =
    state.fulfillment.length > 0 ||
    state.payment.length > 0 ||
    state.delivery.length > 0 ||
    !!state.from ||
    !!state.to ||
    !!state.q ||
    state.kind !== "all" ||
    Object.values(state.orderCase).some((v) => v !== undefined)

  return { state, update, clear, filtered }
}

/** The API query for the page state: whole local days for the date range. */
function toQuery(state: ReturnType<typeof useListState>["state"]): AdminOrderOpsListQuery {
  const endOfDay = (day: Date) => new Date(day.getFullYear(), day.getMonth(), day.getDate(), 23, 59, 59, 999)
  return {
    fulfillment_status: state.fulfillment.length ? state.fulfillment : undefined,
    payment_status: state.payment.length ? state.payment : undefined,
    delivery_status: state.delivery.length ? state.delivery : undefined,
    created_at_gte: state.from ? state.from.toISOString() : undefined,
    created_at_lte: state.to ? endOfDay(state.to).toISOString() : undefined,
    q: state.q || undefined,
    is_test: state.kind === "all" ? undefined : state.kind === "test",
    ...state.orderCase,
    order: state.sort,
    limit: PAGE_SIZE,
    offset: state.offset,
  }
}

type OrderKind = "all" | "test" | "real"

const ORDER_KINDS: { value: OrderKind; label: string }[] = [
  { value: "all", label: "All orders" },
  { value: "test", label: "Test orders" },
  { value: "real", label: "Real orders" },
]

/** Test orders, real orders, or both (the URL's `is_test=true|false`, absent for both). */
function OrderKindFilter({ value, onChange }: { value: OrderKind; onChange: (value: OrderKind) => void }) {
  const current = ORDER_KINDS.find((kind) => kind.value === value)
  return (
    <DropdownMenu>
      <DropdownMenu.Trigger asChild>
        <Button
          size="small"
          variant="secondary"
          data-testid="order-ops-filter-test"
          className={clx(value !== "all" && "text-ui-fg-base")}
        >
          <span>
            Orders
            {value !== "all" && <span className="text-ui-fg-interactive">: {current?.label}</span>}
          </span>
          <ChevronDownMini className="text-ui-fg-muted" />
        </Button>
      </DropdownMenu.Trigger>
      <DropdownMenu.Content align="start" className="min-w-[180px]">
        <DropdownMenu.RadioGroup value={value} onValueChange={(next) => onChange(next as OrderKind)}>
          {ORDER_KINDS.map((kind) => (
            <DropdownMenu.RadioItem key={kind.value} value={kind.value}>
              {kind.label}
            </DropdownMenu.RadioItem>
          ))}
        </DropdownMenu.RadioGroup>
      </DropdownMenu.Content>
    </DropdownMenu>
  )
}

/** "Purge test orders": how many there are comes from the server; disabled when none. */
function PurgeTestOrdersButton() {
  const { data } = useTestOrders({ limit: 1, offset: 0 })
  const purge = usePurgeTestOrders()
  const prompt = usePrompt()
  const count = data?.count ?? 0

  const onPurge = async () => {
    const confirmed = await prompt({
      title: `Delete ${count} test ${count === 1 ? "order" : "orders"}?`,
      description:
        "Every order flagged as a test is deleted. Real orders are not touched. This cannot be undone.",
      confirmText: "Delete test orders",
      cancelText: "Cancel",
    })
    if (!confirmed) return
    try {
      const result = await purge.mutateAsync()
      toast.success(`${result.deleted} test ${result.deleted === 1 ? "order" : "orders"} deleted`)
    } catch (e) {
      toast.error(errorMessage(e))
    }
  }

  return (
    <Button
      size="small"
      variant="secondary"
      disabled={count === 0}
      isLoading={purge.isPending}
      onClick={onPurge}
      data-testid="purge-test-orders-button"
      data-count={count}
    >
      Purge test orders
    </Button>
  )
}

/** A dropdown of status checkboxes; the menu stays open while the merchant ticks several. */
function StatusFilter<S extends string>({
  label,
  statuses,
  looks,
  selected,
  onChange,
  testId,
}: {
  label: string
  statuses: S[]
  looks: Record<S, StatusLook>
  selected: S[]
  onChange: (selected: S[]) => void
  testId: string
}) {
  const summary =
    selected.length === 0 ? null : selected.length === 1 ? looks[selected[0]].label : `${selected.length} selected`
  return (
    <DropdownMenu>
      <DropdownMenu.Trigger asChild>
        <Button size="small" variant="secondary" data-testid={testId} className={clx(summary && "text-ui-fg-base")}>
          <span>
            {label}
            {summary && <span className="text-ui-fg-interactive">: {summary}</span>}
          </span>
          <ChevronDownMini className="text-ui-fg-muted" />
        </Button>
      </DropdownMenu.Trigger>
      <DropdownMenu.Content align="start" className="min-w-[200px]">
        {statuses.map((status) => (
          <DropdownMenu.CheckboxItem
            key={status}
            checked={selected.includes(status)}
            onSelect={(e) => e.preventDefault()}
            onCheckedChange={(checked) =>
              onChange(checked ? [...selected, status] : selected.filter((s) => s !== status))
            }
          >
            {looks[status].label}
          </DropdownMenu.CheckboxItem>
        ))}
        {selected.length > 0 && (
          <>
            <DropdownMenu.Separator />
            <DropdownMenu.Item onClick={() => onChange([])}>Clear</DropdownMenu.Item>
          </>
        )}
      </DropdownMenu.Content>
    </DropdownMenu>
  )
}

/** The search box: typing updates the URL (and the query) once the merchant pauses. */
function SearchInput({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const [text, setText] = useState(value)
  // The last value this box put in the URL: a different one came from elsewhere (back, "Clear filters").
  const pushed = useRef(value)
  useEffect(() => {
    if (value !== pushed.current) {
      pushed.current = value
      setText(value)
    }
  }, [value])
  useEffect(() => {
    const next = text.trim()
    if (next === pushed.current) return
    const timer = setTimeout(() => {
      pushed.current = next
      onChange(next)
    }, SEARCH_DEBOUNCE_MS)
    return () => clearTimeout(timer)
    // `onChange` is a fresh closure every render; only the text restarts the wait.
  }, [text])
  return (
    <Input
      type="search"
      size="small"
      className="w-full md:w-72"
      placeholder="Search order #, email or name"
      aria-label="Search orders"
      value={text}
      onChange={(e) => setText(e.target.value)}
      data-testid="order-ops-search"
    />
  )
}

function SortableHeader({
  label,
  field,
  sort,
  onSort,
  align = "left",
}: {
  label: string
  field: "created_at" | "total"
  sort: OrderOpsSort
  onSort: (sort: OrderOpsSort) => void
  align?: "left" | "right"
}) {
  const active = sort === field || sort === `-${field}`
  const descending = sort === `-${field}`
  // First click sorts newest / largest first; the next one flips it.
  const next: OrderOpsSort = active && descending ? field : (`-${field}` as OrderOpsSort)
  const Icon = !active ? TrianglesMini : descending ? ArrowDownMini : ArrowUpMini
  return (
    <Table.HeaderCell
      aria-sort={active ? (descending ? "descending" : "ascending") : "none"}
      className={clx(align === "right" && "text-right")}
    >
      <button
        type="button"
        onClick={() => onSort(next)}
        className={clx(
          "txt-compact-small-plus hover:text-ui-fg-base transition-fg inline-flex items-center gap-x-1 rounded-md outline-none focus-visible:shadow-borders-focus",
          active ? "text-ui-fg-base" : "text-ui-fg-subtle",
          align === "right" && "flex-row-reverse"
        )}
        data-testid={`order-ops-sort-${field}`}
      >
        {label}
        <Icon className={active ? "text-ui-fg-base" : "text-ui-fg-muted"} />
      </button>
    </Table.HeaderCell>
  )
}

/** "2 shipments" and what they are doing: "Delivered, In transit ×2". */
function ShipmentsCell({ row }: { row: AdminOrderOpsRow }) {
  if (!row.shipment_count) {
    return <span className="text-ui-fg-muted">—</span>
  }
  const counts = new Map<string, number>()
  for (const status of row.shipment_statuses) counts.set(status, (counts.get(status) ?? 0) + 1)
  const summary = [...counts]
    .map(([status, n]) => `${shipmentStatusLook(status).label}${n > 1 ? ` ×${n}` : ""}`)
    .join(", ")
  return (
    <div className="flex flex-col" data-testid="order-ops-shipments">
      <Text size="small" leading="compact" className="text-ui-fg-base">
        {row.shipment_count} {row.shipment_count === 1 ? "shipment" : "shipments"}
      </Text>
      {summary && (
        <Text size="xsmall" leading="compact" className="text-ui-fg-muted truncate" title={summary}>
          {summary}
        </Text>
      )}
    </div>
  )
}

function Message({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <div className="flex min-h-[240px] flex-col items-center justify-center gap-y-3 px-6 py-10" data-testid={testId}>
      {children}
    </div>
  )
}

/** Order operations: every order with its extended statuses, filtered, searched and sorted by the server. */
const OrderOpsPage = () => {
  const navigate = useNavigate()
  const { state, update, clear, filtered } = useListState()
  const query = useMemo(() => toQuery(state), [state])
  const { data, isPending, isError, error, refetch, isFetching, isPlaceholderData } = useOrderOpsOrders(query)

  const count = data?.count ?? 0
  const pageIndex = Math.floor(state.offset / PAGE_SIZE)
  const pageCount = Math.ceil(count / PAGE_SIZE)
  const openOrder = (id: string) => navigate(`/orders/${id}`)
  const exportFilters = useMemo(() => toExportFilters(query), [query])
  const selection = useOrderSelection(data?.orders.map((o) => o.id) ?? [], count, JSON.stringify({ ...exportFilters, order: undefined }))

  return (
    <Container className="divide-y p-0" data-testid="order-ops-page">
      <div className="flex flex-wrap items-center justify-between gap-4 px-6 py-4">
        <div>
          <Heading>Order operations</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Orders by fulfillment and payment status, with their shipments.
          </Text>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <SearchInput value={state.q} onChange={(q) => update({ q: q || null })} />
          <OrderExportButton filters={exportFilters} />
          <PurgeTestOrdersButton />
          <PlaceTestOrderButton />
        </div>
      </div>

      <div className="px-6 py-4" data-testid="order-ops-filters">
        <div className="flex flex-wrap items-center gap-2">
          <OrderKindFilter
            value={state.kind}
            onChange={(kind) => update({ is_test: kind === "all" ? null : String(kind === "test") })}
          />
          <StatusFilter
            label="Fulfillment status"
            statuses={FULFILLMENT_STATUSES}
            looks={FULFILLMENT_STATUS}
            selected={state.fulfillment}
            onChange={(selected) => update({ fulfillment_status: selected })}
            testId="order-ops-filter-fulfillment"
          />
          <StatusFilter
            label="Payment status"
            statuses={PAYMENT_STATUSES}
            looks={PAYMENT_STATUS}
            selected={state.payment}
            onChange={(selected) => update({ payment_status: selected })}
            testId="order-ops-filter-payment"
          />
          <DeliveryStatusFilter selected={state.delivery} onChange={(selected) => update({ delivery_status: selected })} />
          <OrderCaseFilters />
          <div className="flex items-center gap-x-2" data-testid="order-ops-filter-dates">
            <Text size="small" className="text-ui-fg-subtle">
              Placed
            </Text>
            <DatePicker
              size="small"
              aria-label="Placed from"
              className="w-[150px]"
              value={state.from}
              maxValue={state.to ?? undefined}
              onChange={(date) => update({ from: date ? toIsoDay(date) : null })}
            />
            <Text size="small" className="text-ui-fg-muted">
              to
            </Text>
            <DatePicker
              size="small"
              aria-label="Placed until"
              className="w-[150px]"
              value={state.to}
              minValue={state.from ?? undefined}
              onChange={(date) => update({ to: date ? toIsoDay(date) : null })}
            />
          </div>
          {filtered && (
            <Button size="small" variant="transparent" onClick={clear} data-testid="order-ops-clear-filters">
              <XMarkMini />
              Clear filters
            </Button>
          )}
        </div>
      </div>

      {isPending ? (
        <Message testId="order-ops-loading">
          <Text size="small" className="text-ui-fg-muted" aria-busy="true">
            Loading orders…
          </Text>
        </Message>
      ) : isError ? (
        <Message testId="order-ops-error">
          <Text size="small" className="text-ui-fg-error">
            Couldn't load orders: {errorMessage(error)}
          </Text>
          <Button size="small" variant="secondary" onClick={() => refetch()}>
            Retry
          </Button>
        </Message>
      ) : data.orders.length === 0 && state.offset > 0 && count > 0 ? (
        // A shared link or a shrinking result can point past the last page.
        <Message testId="order-ops-past-end">
          <Text size="small" weight="plus" className="text-ui-fg-base">
            This page is past the last order
          </Text>
          <Button size="small" variant="secondary" onClick={() => update({}, false)}>
            Go to the first page
          </Button>
        </Message>
      ) : data.orders.length === 0 ? (
        <Message testId="order-ops-empty">
          <Text size="small" weight="plus" className="text-ui-fg-base">
            {filtered ? "No orders match these filters" : "No orders yet"}
          </Text>
          {filtered && (
            <Button size="small" variant="secondary" onClick={clear}>
              Clear filters
            </Button>
          )}
        </Message>
      ) : (
        <div aria-busy={isFetching} className={clx("transition-opacity", isPlaceholderData && "opacity-60")}>
          <BulkActionBar selection={selection} filters={exportFilters} actions={[buyLabelsAction, printPackingSlipsAction, markAsShippedAction, issueInvoicesAction, exportSelectionAction]} />
          <div className="overflow-x-auto">
            <Table data-testid="order-ops-table">
              <Table.Header>
                <Table.Row>
                  <SelectionHeaderCell selection={selection} />
                  <Table.HeaderCell>Order</Table.HeaderCell>
                  <SortableHeader
                    label="Date"
                    field="created_at"
                    sort={state.sort}
                    onSort={(order) => update({ order })}
                  />
                  <Table.HeaderCell>Customer</Table.HeaderCell>
                  <SortableHeader
                    label="Total"
                    field="total"
                    align="right"
                    sort={state.sort}
                    onSort={(order) => update({ order })}
                  />
                  <Table.HeaderCell>Fulfillment</Table.HeaderCell>
                  <Table.HeaderCell>Payment</Table.HeaderCell>
                  <Table.HeaderCell>Shipments</Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {data.orders.map((row) => (
                  <Table.Row
                    key={row.id}
                    className="cursor-pointer [&_td]:py-2"
                    onClick={() => openOrder(row.id)}
                    data-testid="order-ops-row"
                    data-order-id={row.id}
                  >
                    <SelectionCell selection={selection} id={row.id} />
                    <Table.Cell>
                      <div className="flex items-center gap-x-2">
                        <Link
                          to={`/orders/${row.id}`}
                          onClick={(e) => e.stopPropagation()}
                          className="text-ui-fg-base hover:text-ui-fg-interactive transition-fg txt-compact-small-plus"
                        >
                          #{row.display_id}
                        </Link>
                        {row.is_test && (
                          <Badge size="2xsmall" color="purple" data-testid="order-ops-test-badge">
                            Test
                          </Badge>
                        )}
                        <OrderCaseBadges row={row} />
                      </div>
                    </Table.Cell>
                    <Table.Cell className="whitespace-nowrap">{formatDateTime(row.created_at)}</Table.Cell>
                    <Table.Cell>
                      <div className="flex max-w-[240px] flex-col">
                        <Text size="small" leading="compact" className="text-ui-fg-base truncate">
                          {row.customer_name || row.email || "—"}
                        </Text>
                        {row.customer_name && row.email && (
                          <Text size="xsmall" leading="compact" className="text-ui-fg-muted truncate">
                            {row.email}
                          </Text>
                        )}
                      </div>
                    </Table.Cell>
                    <Table.Cell className="whitespace-nowrap text-right tabular-nums">
                      {formatAmount(row.total, row.currency_code)}
                    </Table.Cell>
                    <Table.Cell>
                      <FulfillmentStatusBadge status={row.fulfillment_status} testId="order-ops-fulfillment-status" />
                    </Table.Cell>
                    <Table.Cell>
                      <PaymentStatusBadge status={row.payment_status} testId="order-ops-payment-status" />
                    </Table.Cell>
                    <Table.Cell>
                      <ShipmentsCell row={row} />
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
          <Table.Pagination
            data-testid="order-ops-pagination"
            count={count}
            pageSize={PAGE_SIZE}
            pageIndex={pageIndex}
            pageCount={pageCount}
            canPreviousPage={pageIndex > 0}
            canNextPage={pageIndex + 1 < pageCount}
            previousPage={() => update({ offset: String(Math.max(0, state.offset - PAGE_SIZE)) }, true)}
            nextPage={() => update({ offset: String(state.offset + PAGE_SIZE) }, true)}
            translations={{ of: "of", results: "orders", pages: "pages", prev: "Previous", next: "Next" }}
          />
        </div>
      )}
    </Container>
  )
}

export const config = defineRouteConfig({
  label: "Order operations",
  icon: TruckFast,
})

/** The dashboard's header shows this in its breadcrumb. */
export const handle = {
  breadcrumb: () => "Order operations",
}

export default OrderOpsPage
