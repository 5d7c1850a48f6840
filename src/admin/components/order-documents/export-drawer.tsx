import { ArrowDownTray } from "@medusajs/icons"
import { Badge, Button, Checkbox, Drawer, Heading, Label, RadioGroup, Switch, Text, toast } from "@medusajs/ui"
import { useEffect, useMemo, useState } from "react"
import { useCancelOrderExport, useCreateOrderExport, useOrderExports } from "../../hooks/order-exports"
import { errorMessage } from "../../lib/errors"
import { formatDateTime } from "../../lib/format"
import type { AdminOrderExport, AdminOrderExportColumn } from "../../lib/order-document-types"

/** The list's query as the export route takes it: strings and string lists, no paging. */
export type ExportFilters = Record<string, string | string[]>

/** Turns the page's list query into export filters (paging dropped). */
export function toExportFilters(query: Record<string, unknown>): ExportFilters {
  const filters: ExportFilters = {}
  for (const [key, value] of Object.entries(query)) {
    if (key === "limit" || key === "offset" || value === undefined || value === null || value === "") continue
    filters[key] = Array.isArray(value) ? value.map(String) : String(value)
  }
  return filters
}

const FILTER_LABELS: Record<string, string> = {
  fulfillment_status: "Fulfillment",
  payment_status: "Payment",
  is_test: "Test orders",
  created_at_gte: "Placed from",
  created_at_lte: "Placed until",
  q: "Search",
  order: "Sort",
}

const STATUS_LOOK: Record<AdminOrderExport["status"], { label: string; color: "grey" | "blue" | "green" | "red" | "orange" }> = {
  pending: { label: "Waiting", color: "grey" },
  running: { label: "Running", color: "blue" },
  completed: { label: "Ready", color: "green" },
  failed: { label: "Failed", color: "red" },
  canceled: { label: "Canceled", color: "orange" },
}

/** One recent export: status, progress bar, download or cancel. */
function ExportRow({ item }: { item: AdminOrderExport }) {
  const cancel = useCancelOrderExport()
  const look = STATUS_LOOK[item.status]
  const total = item.progress_total
  const percent = total ? Math.min(100, Math.round((item.progress_done / total) * 100)) : item.status === "completed" ? 100 : 0
  const active = item.status === "pending" || item.status === "running"
  return (
    <div className="flex flex-col gap-y-2 rounded-lg border px-3 py-2" data-testid="order-export-row" data-export-id={item.id} data-status={item.status}>
      <div className="flex items-center justify-between gap-x-2">
        <div className="flex items-center gap-x-2">
          <Badge size="2xsmall" color={look.color}>
            {look.label}
          </Badge>
          <Text size="small" leading="compact" weight="plus">
            {item.format.toUpperCase()} · {item.shape === "line_item" ? "line items" : "orders"}
          </Text>
        </div>
        <Text size="xsmall" className="text-ui-fg-muted">
          {formatDateTime(String(item.created_at))}
        </Text>
      </div>
      <div className="bg-ui-bg-subtle h-1.5 w-full overflow-hidden rounded-full" role="progressbar" aria-valuenow={percent} aria-valuemin={0} aria-valuemax={100}>
        <div className="bg-ui-fg-interactive h-full transition-[width]" style={{ width: `${percent}%` }} />
      </div>
      <div className="flex items-center justify-between gap-x-2">
        <Text size="xsmall" className="text-ui-fg-subtle" data-testid="order-export-progress">
          {total === null ? "Counting orders…" : `${item.progress_done} of ${total} orders`}
        </Text>
        {item.download_url ? (
          <a
            href={item.download_url}
            download={item.file_name ?? undefined}
            className="txt-compact-small-plus text-ui-fg-interactive hover:text-ui-fg-interactive-hover inline-flex items-center gap-x-1"
            data-testid="order-export-download"
          >
            <ArrowDownTray />
            Download
          </a>
        ) : active ? (
          <Button
            size="small"
            variant="transparent"
            isLoading={cancel.isPending}
            onClick={() => cancel.mutate(item.id, { onError: (e) => toast.error(errorMessage(e)) })}
            data-testid="order-export-cancel"
          >
            Cancel
          </Button>
        ) : null}
      </div>
      {item.error && (
        <Text size="xsmall" className="text-ui-fg-error">
          {item.error}
        </Text>
      )}
    </div>
  )
}

/** Columns grouped as the catalogue groups them, line-item columns only for the line-item shape. */
function ColumnPicker({
  columns,
  shape,
  selected,
  onChange,
}: {
  columns: AdminOrderExportColumn[]
  shape: "order" | "line_item"
  selected: string[]
  onChange: (keys: string[]) => void
}) {
  const available = columns.filter((c) => shape === "line_item" || !c.line_item)
  const groups = [...new Set(available.map((c) => c.group))]
  return (
    <div className="flex flex-col gap-y-3" data-testid="order-export-columns">
      {groups.map((group) => (
        <div key={group} className="flex flex-col gap-y-1.5">
          <Text size="xsmall" weight="plus" className="text-ui-fg-subtle uppercase">
            {group.replace("_", " ")}
          </Text>
          <div className="grid grid-cols-2 gap-1.5">
            {available
              .filter((c) => c.group === group)
              .map((c) => (
                <div key={c.key} className="flex items-center gap-x-2">
                  <Checkbox
                    id={`export-column-${c.key}`}
                    checked={selected.includes(c.key)}
                    onCheckedChange={(checked) =>
                      onChange(checked ? [...selected, c.key] : selected.filter((k) => k !== c.key))
                    }
                  />
                  <Label htmlFor={`export-column-${c.key}`} size="small">
                    {c.header}
                  </Label>
                </div>
              ))}
          </div>
        </div>
      ))}
    </div>
  )
}

/**
 * The export drawer: the page's current filters (or the selected orders),
 * format, shape and columns, then the recent exports with their progress
 * and download links.
 */
export function OrderExportDrawer({
  open,
  onOpenChange,
  filters,
  orderIds,
}: {
  open: boolean
  onOpenChange: (open: boolean) => void
  filters: ExportFilters
  /** "Export selection": only these orders. */
  orderIds?: string[]
}) {
  const { data, isPending, isError, error } = useOrderExports(10, open)
  const create = useCreateOrderExport()
  const [format, setFormat] = useState<"csv" | "xlsx">("csv")
  const [shape, setShape] = useState<"order" | "line_item">("order")
  const [includeTest, setIncludeTest] = useState(false)
  const catalogue = data?.columns ?? []
  const [columns, setColumns] = useState<string[] | null>(null)
  const selectedColumns = useMemo(
    () => columns ?? catalogue.filter((c) => shape === "line_item" || !c.line_item).map((c) => c.key),
    [columns, catalogue, shape]
  )
  useEffect(() => setColumns(null), [shape])
  const filterEntries = Object.entries(filters)

  const submit = async () => {
    const available = new Set(catalogue.filter((c) => shape === "line_item" || !c.line_item).map((c) => c.key))
    try {
      await create.mutateAsync({
        format,
        shape,
        columns: selectedColumns.filter((k) => available.has(k)),
        include_test_orders: includeTest,
        filters,
        ...(orderIds?.length ? { order_ids: orderIds } : {}),
      })
      toast.success("Export started: it appears below when ready")
    } catch (e) {
      toast.error(errorMessage(e))
    }
  }

  return (
    <Drawer open={open} onOpenChange={onOpenChange}>
      <Drawer.Content aria-describedby={undefined} data-testid="order-export-drawer">
        <Drawer.Header>
          <Drawer.Title asChild>
            <Heading>{orderIds?.length ? `Export ${orderIds.length} selected orders` : "Export orders"}</Heading>
          </Drawer.Title>
        </Drawer.Header>
        <Drawer.Body className="flex flex-1 flex-col gap-y-6 overflow-auto">
          <div className="flex flex-col gap-y-2" data-testid="order-export-filters">
            <Text size="small" weight="plus">
              {orderIds?.length ? "Selected orders, within these filters" : "Orders matching the page's filters"}
            </Text>
            {filterEntries.length === 0 ? (
              <Text size="small" className="text-ui-fg-subtle">
                No filters: every order.
              </Text>
            ) : (
              <div className="flex flex-wrap gap-1.5">
                {filterEntries.map(([key, value]) => (
                  <Badge key={key} size="2xsmall" data-testid="order-export-filter" data-filter={key}>
                    {FILTER_LABELS[key] ?? key}: {Array.isArray(value) ? value.join(", ") : value}
                  </Badge>
                ))}
              </div>
            )}
            <div className="flex items-center gap-x-2">
              <Switch id="export-include-test" checked={includeTest} onCheckedChange={setIncludeTest} />
              <Label htmlFor="export-include-test" size="small">
                Include test orders
              </Label>
            </div>
          </div>

          <div className="grid grid-cols-2 gap-4">
            <div className="flex flex-col gap-y-2">
              <Text size="small" weight="plus">
                Format
              </Text>
              <RadioGroup value={format} onValueChange={(v) => setFormat(v as "csv" | "xlsx")} data-testid="order-export-format">
                <div className="flex items-center gap-x-2">
                  <RadioGroup.Item value="csv" id="export-format-csv" />
                  <Label htmlFor="export-format-csv" size="small">
                    CSV
                  </Label>
                </div>
                <div className="flex items-center gap-x-2">
                  <RadioGroup.Item value="xlsx" id="export-format-xlsx" />
                  <Label htmlFor="export-format-xlsx" size="small">
                    Excel (XLSX)
                  </Label>
                </div>
              </RadioGroup>
            </div>
            <div className="flex flex-col gap-y-2">
              <Text size="small" weight="plus">
                One row per
              </Text>
              <RadioGroup value={shape} onValueChange={(v) => setShape(v as "order" | "line_item")} data-testid="order-export-shape">
                <div className="flex items-center gap-x-2">
                  <RadioGroup.Item value="order" id="export-shape-order" />
                  <Label htmlFor="export-shape-order" size="small">
                    Order
                  </Label>
                </div>
                <div className="flex items-center gap-x-2">
                  <RadioGroup.Item value="line_item" id="export-shape-line-item" />
                  <Label htmlFor="export-shape-line-item" size="small">
                    Line item
                  </Label>
                </div>
              </RadioGroup>
            </div>
          </div>

          {catalogue.length > 0 && (
            <ColumnPicker columns={catalogue} shape={shape} selected={selectedColumns} onChange={setColumns} />
          )}

          <div className="flex flex-col gap-y-2" data-testid="order-export-recent">
            <Text size="small" weight="plus">
              Recent exports
            </Text>
            {isPending ? (
              <Text size="small" className="text-ui-fg-muted">
                Loading…
              </Text>
            ) : isError ? (
              <Text size="small" className="text-ui-fg-error">
                Couldn't load exports: {errorMessage(error)}
              </Text>
            ) : data.exports.length === 0 ? (
              <Text size="small" className="text-ui-fg-muted">
                No exports yet.
              </Text>
            ) : (
              data.exports.map((item) => <ExportRow key={item.id} item={item} />)
            )}
          </div>
        </Drawer.Body>
        <Drawer.Footer>
          <Drawer.Close asChild>
            <Button size="small" variant="secondary">
              Close
            </Button>
          </Drawer.Close>
          <Button
            size="small"
            onClick={submit}
            isLoading={create.isPending}
            disabled={selectedColumns.length === 0}
            data-testid="order-export-submit"
          >
            Export
          </Button>
        </Drawer.Footer>
      </Drawer.Content>
    </Drawer>
  )
}

/** The page's "Export" button: opens the drawer with the current filters. */
export function OrderExportButton({ filters }: { filters: ExportFilters }) {
  const [open, setOpen] = useState(false)
  return (
    <>
      <Button size="small" variant="secondary" onClick={() => setOpen(true)} data-testid="order-export-button">
        Export
      </Button>
      <OrderExportDrawer open={open} onOpenChange={setOpen} filters={filters} />
    </>
  )
}
