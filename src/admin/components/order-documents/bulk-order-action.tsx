import { Button, Drawer, Heading, Text, toast } from "@medusajs/ui"
import { useQueryClient } from "@tanstack/react-query"
import { useEffect, useState } from "react"
import { orderOpsKeys } from "../../hooks/order-ops"
import { useBulkOrderAction, useCreateBulkOrderAction } from "../../hooks/order-exports"
import { useRunOnce } from "../../hooks/use-run-once"
import { errorMessage } from "../../lib/errors"
import type { BulkAction, BulkActionProps } from "./bulk-actions"
import { JobProgress, OrderOutcomesTable } from "./job-progress"

/**
 * Queues a bulk order action as soon as it opens, follows the worker's
 * progress and lists every order's outcome (done, skipped with the reason,
 * failed with the error) when it is finished.
 */
function BulkOrderActionDrawer({
  path,
  title,
  doneLabel,
  selection,
  filters,
  open,
  close,
}: BulkActionProps & { path: "issue-invoices" | "mark-shipped"; title: string; doneLabel: string }) {
  const create = useCreateBulkOrderAction(path)
  const client = useQueryClient()
  const [jobId, setJobId] = useState<string | null>(null)
  const { data } = useBulkOrderAction(jobId)
  const count = selection.mode === "all" ? selection.count : selection.ids.length

  useRunOnce(() => {
    create
      .mutateAsync({ filters, include_test_orders: true, ...(selection.mode === "ids" ? { order_ids: selection.ids } : {}) })
      .then((res) => setJobId(res.job.id))
      .catch((e) => toast.error(errorMessage(e)))
    // Once per opening: the selection is fixed while the drawer is open.
  })

  const job = data?.job
  const finished = job?.status === "completed"
  useEffect(() => {
    if (finished) {
      // Statuses changed on the server: the list shows them.
      void client.invalidateQueries({ queryKey: orderOpsKeys.all })
    }
  }, [finished])

  const total = job?.progress_total ?? count
  const result = job?.result
  return (
    <Drawer open={open} onOpenChange={(next) => !next && close()}>
      <Drawer.Content aria-describedby={undefined} data-testid={`bulk-${path}-drawer`}>
        <Drawer.Header>
          <Drawer.Title asChild>
            <Heading>
              {title} · {count} {count === 1 ? "order" : "orders"}
            </Heading>
          </Drawer.Title>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-4 overflow-y-auto">
          {!job ? (
            <Text size="small" className="text-ui-fg-subtle">
              Queuing…
            </Text>
          ) : finished && result ? (
            <div className="flex flex-col gap-y-3" data-testid="bulk-result">
              <Text size="small">
                {result.done} {doneLabel}
                {result.skipped ? ` · ${result.skipped} skipped` : ""}
                {result.failed ? ` · ${result.failed} failed` : ""}
              </Text>
              <OrderOutcomesTable orders={result.orders} rowTestId="bulk-result-row" />
            </div>
          ) : job.status === "failed" || job.status === "canceled" ? (
            <Text size="small" className="text-ui-fg-error">
              {job.error ?? `The job was ${job.status}.`}
            </Text>
          ) : (
            <JobProgress done={job.progress_done} total={total} line="orders · the worker does them in the background" testId="bulk-progress" />
          )}
        </Drawer.Body>
        <Drawer.Footer>
          <Button size="small" variant="secondary" onClick={close}>
            Close
          </Button>
        </Drawer.Footer>
      </Drawer.Content>
    </Drawer>
  )
}

/** "Issue invoices": each selected order's invoice (an order with one keeps it), in the worker. */
export const issueInvoicesAction: BulkAction = {
  key: "issue-invoices",
  label: "Issue invoices",
  render: (props) => <BulkOrderActionDrawer {...props} path="issue-invoices" title="Issue invoices" doneLabel="issued" />,
}

/** "Mark as shipped": one manual shipment of everything unfulfilled per order, in the worker. */
export const markAsShippedAction: BulkAction = {
  key: "mark-shipped",
  label: "Mark as shipped",
  render: (props) => <BulkOrderActionDrawer {...props} path="mark-shipped" title="Mark as shipped" doneLabel="shipped" />,
}
