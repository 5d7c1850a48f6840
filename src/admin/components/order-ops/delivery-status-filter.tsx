import { ChevronDownMini } from "@medusajs/icons"
import { Button, clx, DropdownMenu } from "@medusajs/ui"
import {
  ORDER_DELIVERY_STATUS_LABELS,
  ORDER_DELIVERY_STATUSES,
  type OrderDeliveryStatusValue,
} from "../../../modules/order-status/statuses"

/** The URL parameter (and API query parameter) this filter owns. */
export const DELIVERY_STATUS_PARAM = "delivery_status"

/** The delivery statuses selected in the page's URL (unknown values dropped). */
export function readDeliveryStatuses(params: URLSearchParams): OrderDeliveryStatusValue[] {
  return params
    .getAll(DELIVERY_STATUS_PARAM)
    .filter((s): s is OrderDeliveryStatusValue => (ORDER_DELIVERY_STATUSES as string[]).includes(s))
}

/**
 * "Delivery status" filter of the Order operations page: digital delivery
 * states of the order (e.g. "Delivery failed" for the orders whose
 * deliveries need a look), several at once.
 */
export function DeliveryStatusFilter({
  selected,
  onChange,
}: {
  selected: OrderDeliveryStatusValue[]
  onChange: (selected: OrderDeliveryStatusValue[]) => void
}) {
  const summary =
    selected.length === 0 ? null : selected.length === 1 ? ORDER_DELIVERY_STATUS_LABELS[selected[0]] : `${selected.length} selected`
  return (
    <DropdownMenu>
      <DropdownMenu.Trigger asChild>
        <Button size="small" variant="secondary" data-testid="order-ops-filter-delivery" className={clx(summary && "text-ui-fg-base")}>
          <span>
            Delivery status
            {summary && <span className="text-ui-fg-interactive">: {summary}</span>}
          </span>
          <ChevronDownMini className="text-ui-fg-muted" />
        </Button>
      </DropdownMenu.Trigger>
      <DropdownMenu.Content align="start" className="min-w-[200px]">
        {ORDER_DELIVERY_STATUSES.map((status) => (
          <DropdownMenu.CheckboxItem
            key={status}
            checked={selected.includes(status)}
            onSelect={(e) => e.preventDefault()}
            onCheckedChange={(checked) => onChange(checked ? [...selected, status] : selected.filter((s) => s !== status))}
          >
            {ORDER_DELIVERY_STATUS_LABELS[status]}
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
