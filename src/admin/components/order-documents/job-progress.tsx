import { Badge, Table, Text } from "@medusajs/ui"
import type { BulkOrderOutcome } from "../../../types/order-document"

/**
 * A worker job's progress bar and its line ("3 of 12 orders · the worker does
 * them in the background"): the same in every drawer that follows a job.
 */
export function JobProgress({ done, total, line, testId }: { done: number; total: number; line: string; testId: string }) {
  return (
    <div className="flex flex-col gap-y-2" data-testid={testId}>
      <div className="bg-ui-bg-subtle h-1.5 w-full overflow-hidden rounded-full">
        <div className="bg-ui-fg-interactive h-full transition-[width]" style={{ width: `${total ? Math.round((done / total) * 100) : 0}%` }} />
      </div>
      <Text size="xsmall" className="text-ui-fg-subtle">
        {done} of {total} {line}
      </Text>
    </div>
  )
}

const OUTCOME_COLOR: Record<BulkOrderOutcome["status"], "green" | "grey" | "red"> = { done: "green", skipped: "grey", failed: "red" }

/** Every order's outcome of a finished bulk job: the order, done/skipped/failed, and why. */
export function OrderOutcomesTable({ orders, rowTestId }: { orders: readonly BulkOrderOutcome[]; rowTestId: string }) {
  return (
    <Table>
      <Table.Header>
        <Table.Row>
          <Table.HeaderCell>Order</Table.HeaderCell>
          <Table.HeaderCell>Outcome</Table.HeaderCell>
          <Table.HeaderCell>Details</Table.HeaderCell>
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {orders.map((o) => (
          <Table.Row key={o.order_id} data-testid={rowTestId} data-status={o.status}>
            <Table.Cell>
              <a href={`/app/orders/${o.order_id}`} className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover">
                #{o.display_id ?? o.order_id}
              </a>
            </Table.Cell>
            <Table.Cell>
              <Badge size="2xsmall" color={OUTCOME_COLOR[o.status]}>
                {o.status}
              </Badge>
            </Table.Cell>
            <Table.Cell className="max-w-[240px] whitespace-normal break-words">{o.message ?? "—"}</Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  )
}
