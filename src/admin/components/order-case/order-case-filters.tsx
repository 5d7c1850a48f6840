import { ChevronDownMini } from "@medusajs/icons"
import { Button, DropdownMenu, clx } from "@medusajs/ui"
import { useSearchParams } from "react-router-dom"
import { useOrderLabels } from "../../hooks/order-case"

/** URL parameters the case filters own; "Clear filters" removes them too. */
export const ORDER_CASE_PARAMS = ["on_hold", "order_label_id", "disputed"] as const

/** The case part of the list query, read from the page's URL. */
export function orderCaseQuery(params: URLSearchParams): { on_hold?: boolean; order_label_id?: string; disputed?: boolean } {
  const flag = (key: string) => (params.get(key) === "true" ? true : params.get(key) === "false" ? false : undefined)
  return {
    on_hold: flag("on_hold"),
    order_label_id: params.get("order_label_id") || undefined,
    disputed: flag("disputed"),
  }
}

/** Filters for holds, disputes and the merchant's labels, kept in the URL like the page's own. */
export function OrderCaseFilters() {
  const [params, setParams] = useSearchParams()
  const { data } = useOrderLabels()
  const set = (key: string, value: string | null) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev)
        if (value) next.set(key, value)
        else next.delete(key)
        next.delete("offset")
        return next
      },
      { replace: true }
    )
  const query = orderCaseQuery(params)
  const labelName = data?.order_labels.find((l) => l.id === query.order_label_id)?.name
  return (
    <>
      <Button
        size="small"
        variant="secondary"
        data-testid="order-ops-filter-on-hold"
        className={clx(query.on_hold && "text-ui-fg-interactive")}
        onClick={() => set("on_hold", query.on_hold ? null : "true")}
      >
        On hold
      </Button>
      <Button
        size="small"
        variant="secondary"
        data-testid="order-ops-filter-disputed"
        className={clx(query.disputed && "text-ui-fg-interactive")}
        onClick={() => set("disputed", query.disputed ? null : "true")}
      >
        Disputed
      </Button>
      <DropdownMenu>
        <DropdownMenu.Trigger asChild>
          <Button size="small" variant="secondary" data-testid="order-ops-filter-label">
            <span>
              Label
              {labelName && <span className="text-ui-fg-interactive">: {labelName}</span>}
            </span>
            <ChevronDownMini className="text-ui-fg-muted" />
          </Button>
        </DropdownMenu.Trigger>
        <DropdownMenu.Content align="start" className="min-w-[180px]">
          <DropdownMenu.RadioGroup value={query.order_label_id ?? ""} onValueChange={(v) => set("order_label_id", v || null)}>
            <DropdownMenu.RadioItem value="">Any label</DropdownMenu.RadioItem>
            {(data?.order_labels ?? []).map((label) => (
              <DropdownMenu.RadioItem key={label.id} value={label.id}>
                {label.name}
              </DropdownMenu.RadioItem>
            ))}
          </DropdownMenu.RadioGroup>
        </DropdownMenu.Content>
      </DropdownMenu>
    </>
  )
}
