import { Button, Drawer, Heading, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { useCreatePackingSlipBatch, usePackingSlipBatch } from "../../hooks/order-exports"
import { useRunOnce } from "../../hooks/use-run-once"
import { errorMessage } from "../../lib/errors"
import type { BulkAction, BulkActionProps } from "./bulk-actions"
import { JobProgress } from "./job-progress"

/** Queues the merged PDF as soon as it opens, then follows the worker's progress to the download. */
function PrintPackingSlipsDrawer({ selection, filters, open, close }: BulkActionProps) {
  const create = useCreatePackingSlipBatch()
  const [jobId, setJobId] = useState<string | null>(null)
  const { data } = usePackingSlipBatch(jobId)
  const count = selection.mode === "all" ? selection.count : selection.ids.length

  useRunOnce(() => {
    create
      .mutateAsync({
        filters,
        include_test_orders: true,
        ...(selection.mode === "ids" ? { order_ids: selection.ids } : {}),
      })
      .then((res) => setJobId(res.job.id))
      .catch((e) => toast.error(errorMessage(e)))
    // Once per opening: the selection is fixed while the drawer is open.
  })

  const job = data?.job
  const total = job?.progress_total ?? count
  return (
    <Drawer open={open} onOpenChange={(next) => !next && close()}>
      <Drawer.Content aria-describedby={undefined} data-testid="packing-slips-drawer">
        <Drawer.Header>
          <Drawer.Title asChild>
            <Heading>Packing slips for {count} {count === 1 ? "order" : "orders"}</Heading>
          </Drawer.Title>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-4">
          {!job ? (
            <Text size="small" className="text-ui-fg-subtle">
              Queuing…
            </Text>
          ) : job.status === "completed" && job.download_url ? (
            <div className="flex flex-col gap-y-2">
              <Text size="small">One PDF with {job.progress_done} packing slips is ready.</Text>
              <a
                href={job.download_url}
                target="_blank"
                rel="noreferrer"
                className="txt-compact-small-plus text-ui-fg-interactive hover:text-ui-fg-interactive-hover"
                data-testid="packing-slips-download"
              >
                Open the PDF
              </a>
            </div>
          ) : job.status === "failed" || job.status === "canceled" ? (
            <Text size="small" className="text-ui-fg-error" data-testid="packing-slips-error">
              {job.error ?? `The job was ${job.status}.`}
            </Text>
          ) : (
            <JobProgress done={job.progress_done} total={total} line="slips · the worker renders them in the background" testId="packing-slips-progress" />
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

/** "Print packing slips": one merged PDF of the selection, rendered in the worker. */
export const printPackingSlipsAction: BulkAction = {
  key: "packing-slips",
  label: "Print packing slips",
  render: (props) => <PrintPackingSlipsDrawer {...props} />,
}
