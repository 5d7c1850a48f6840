import { Button, Checkbox, Table, Text } from "@medusajs/ui"
import { useEffect, useMemo, useState, type ReactNode } from "react"
import { OrderExportDrawer, type ExportFilters } from "./export-drawer"

/**
 * What the merchant selected on the Order operations page: some orders by
 * id (on this page or earlier ones), or every order matching the filter.
 */
export type OrderSelection = { mode: "ids"; ids: string[] } | { mode: "all"; count: number }

/** What an action is given when the merchant picks it. */
export type BulkActionProps = {
  selection: OrderSelection
  /** The page's filters (the list's query, no paging): what "all matching" means. */
  filters: ExportFilters
  open: boolean
  /** Closes the action (and keeps the selection). */
  close: () => void
  /** Clears the selection, e.g. once the action is done. */
  clearSelection: () => void
}

/**
 * One bulk action of the bar. The bar shows a button per action and renders
 * the open one (typically a drawer). Other features add their own actions
 * (e.g. "Buy labels") by passing them to `<BulkActionBar actions>`.
 */
export type BulkAction = {
  key: string
  label: string
  render: (props: BulkActionProps) => ReactNode
}

/** The selection state of the list: reset whenever the filters change. */
export function useOrderSelection(pageIds: string[], matching: number, filtersKey: string) {
  const [ids, setIds] = useState<string[]>([])
  const [all, setAll] = useState(false)
  useEffect(() => {
    setIds([])
    setAll(false)
  }, [filtersKey])
  const selected = new Set(ids)
  const pageAllSelected = all || (pageIds.length > 0 && pageIds.every((id) => selected.has(id)))
  const pageSomeSelected = !pageAllSelected && pageIds.some((id) => selected.has(id))
  const selection: OrderSelection | null = all ? { mode: "all", count: matching } : ids.length ? { mode: "ids", ids } : null
  return {
    selection,
    isSelected: (id: string) => all || selected.has(id),
    toggle: (id: string, on: boolean) => {
      if (all) {
        // Leaving "all matching" for an explicit list: this page minus the one unticked.
        setAll(false)
        setIds(pageIds.filter((p) => p !== id))
        return
      }
      setIds((prev) => (on ? [...new Set([...prev, id])] : prev.filter((p) => p !== id)))
    },
    togglePage: (on: boolean) => {
      setAll(false)
      setIds((prev) => (on ? [...new Set([...prev, ...pageIds])] : prev.filter((p) => !pageIds.includes(p))))
    },
    selectAllMatching: () => setAll(true),
    clear: () => {
      setAll(false)
      setIds([])
    },
    pageAllSelected,
    pageSomeSelected,
    matching,
    allMatching: all,
  }
}

export type OrderSelectionState = ReturnType<typeof useOrderSelection>

/** The header cell: select or clear every order of this page. */
export function SelectionHeaderCell({ selection }: { selection: OrderSelectionState }) {
  return (
    <Table.HeaderCell className="w-8" onClick={(e) => e.stopPropagation()}>
      <Checkbox
        aria-label="Select every order on this page"
        checked={selection.pageAllSelected ? true : selection.pageSomeSelected ? "indeterminate" : false}
        onCheckedChange={(checked) => selection.togglePage(checked === true)}
        data-testid="order-ops-select-page"
      />
    </Table.HeaderCell>
  )
}

/** A row's check box (clicking it never opens the order). */
export function SelectionCell({ selection, id }: { selection: OrderSelectionState; id: string }) {
  return (
    <Table.Cell className="w-8" onClick={(e) => e.stopPropagation()}>
      <Checkbox
        aria-label="Select order"
        checked={selection.isSelected(id)}
        onCheckedChange={(checked) => selection.toggle(id, checked === true)}
        data-testid="order-ops-select-row"
      />
    </Table.Cell>
  )
}

/** "Export selection": the export drawer, limited to the selected orders. */
export const exportSelectionAction: BulkAction = {
  key: "export",
  label: "Export selection",
  render: ({ selection, filters, open, close }) => (
    <OrderExportDrawer
      open={open}
      onOpenChange={(next) => !next && close()}
      filters={filters}
      orderIds={selection.mode === "ids" ? selection.ids : undefined}
    />
  ),
}

/**
 * The bar above the list while orders are selected: how many, "select all
 * N matching", one button per action, clear.
 */
export function BulkActionBar({
  selection,
  filters,
  actions,
}: {
  selection: OrderSelectionState
  filters: ExportFilters
  actions: BulkAction[]
}) {
  const [openKey, setOpenKey] = useState<string | null>(null)
  const current = selection.selection
  const count = current ? (current.mode === "all" ? current.count : current.ids.length) : 0
  const open = useMemo(() => actions.find((a) => a.key === openKey) ?? null, [actions, openKey])
  if (!current) {
    return null
  }
  return (
    <div className="bg-ui-bg-subtle flex flex-wrap items-center justify-between gap-2 px-6 py-3" data-testid="order-ops-bulk-bar">
      <div className="flex items-center gap-x-3">
        <Text size="small" weight="plus" data-testid="order-ops-selected-count" data-count={count}>
          {selection.allMatching ? `All ${count} matching orders selected` : `${count} selected`}
        </Text>
        {!selection.allMatching && selection.pageAllSelected && selection.matching > count && (
          <Button size="small" variant="transparent" onClick={selection.selectAllMatching} data-testid="order-ops-select-all-matching">
            Select all {selection.matching} matching orders
          </Button>
        )}
      </div>
      <div className="flex flex-wrap items-center gap-2">
        {actions.map((action) => (
          <Button
            key={action.key}
            size="small"
            variant="secondary"
            onClick={() => setOpenKey(action.key)}
            data-testid={`order-ops-bulk-${action.key}`}
          >
            {action.label}
          </Button>
        ))}
        <Button size="small" variant="transparent" onClick={selection.clear} data-testid="order-ops-clear-selection">
          Clear
        </Button>
      </div>
      {open &&
        open.render({
          selection: current,
          filters,
          open: true,
          close: () => setOpenKey(null),
          clearSelection: selection.clear,
        })}
    </div>
  )
}
