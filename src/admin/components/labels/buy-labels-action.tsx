import { Button, Drawer, Heading, Input, Label, Select, Text, toast } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { useCancelLabelBatch, useCreateLabelBatch, useLabelBatch, useLabelBatches } from "../../hooks/label-batches"
import { useParcelTemplates } from "../../hooks/parcel-templates"
import { errorMessage } from "../../lib/errors"
import type { CarrierCode } from "../../../types/label"
import type { LabelBatchFormat, LabelBatchRule } from "../../../types/label-batch"
import type { BulkAction, BulkActionProps } from "../order-documents/bulk-actions"
import { JobProgress, OrderOutcomesTable } from "../order-documents/job-progress"

const RULES: [LabelBatchRule["type"], string][] = [
  ["cheapest", "Cheapest rate"],
  ["fastest", "Fastest delivery"],
  ["service", "A named service per carrier"],
]
const ANY_CARRIER = "any"

/** The form: parcel template, rule, carrier and label format. The server checks it (400 naming the field). */
function BuyLabelsForm({ count, onQueued, selection, filters }: BulkActionProps & { count: number; onQueued: (id: string) => void }) {
  const templates = useParcelTemplates()
  const options = useLabelBatches()
  const create = useCreateLabelBatch()
  const [templateId, setTemplateId] = useState("")
  const [ruleType, setRuleType] = useState<LabelBatchRule["type"]>("cheapest")
  const [carrier, setCarrier] = useState<string>(ANY_CARRIER)
  const [services, setServices] = useState<Partial<Record<CarrierCode, string>>>({})
  const [format, setFormat] = useState<LabelBatchFormat>("PDF")

  const list = templates.data?.parcel_templates ?? []
  useEffect(() => {
    if (!templateId && list.length) {
      setTemplateId((list.find((t) => t.is_default) ?? list[0]).id)
    }
  }, [list.length])
  const carriers = options.data?.carriers ?? []

  const submit = () => {
    const named = Object.fromEntries(Object.entries(services).filter(([, v]) => v?.trim())) as Partial<Record<CarrierCode, string>>
    const rule: LabelBatchRule = ruleType === "service" ? { type: "service", services: named } : { type: ruleType }
    create
      .mutateAsync({
        filters,
        include_test_orders: true,
        ...(selection.mode === "ids" ? { order_ids: selection.ids } : {}),
        parcel_template_id: templateId,
        rule,
        ...(ruleType !== "service" && carrier !== ANY_CARRIER ? { carriers: [carrier as CarrierCode] } : {}),
        label_format: format,
      })
      .then((res) => onQueued(res.label_batch.id))
      .catch((e) => toast.error(errorMessage(e)))
  }

  if (templates.isLoading || options.isLoading) {
    return (
      <Text size="small" className="text-ui-fg-subtle">
        Loading…
      </Text>
    )
  }
  if (templates.isError || options.isError) {
    return (
      <Text size="small" className="text-ui-fg-error">
        {errorMessage(templates.error ?? options.error)}
      </Text>
    )
  }
  if (!list.length) {
    return (
      <Text size="small" className="text-ui-fg-subtle" data-testid="buy-labels-no-templates">
        Add a parcel template first (Settings → Parcel templates): every label of a batch is bought for one parcel.
      </Text>
    )
  }
  return (
    <div className="flex flex-col gap-y-4" data-testid="buy-labels-form">
      <div className="flex flex-col gap-y-2">
        <Label size="small">Parcel template</Label>
        <Select value={templateId} onValueChange={setTemplateId}>
          <Select.Trigger data-testid="buy-labels-template">
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            {list.map((t) => (
              <Select.Item key={t.id} value={t.id}>
                {t.name} · {t.length}×{t.width}×{t.height} {t.distance_unit}, {t.weight} {t.mass_unit}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
      </div>
      <div className="flex flex-col gap-y-2">
        <Label size="small">Rate</Label>
        <Select value={ruleType} onValueChange={(v) => setRuleType(v as LabelBatchRule["type"])}>
          <Select.Trigger data-testid="buy-labels-rule">
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            {RULES.map(([value, label]) => (
              <Select.Item key={value} value={value}>
                {label}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
      </div>
      {ruleType === "service" ? (
        <div className="flex flex-col gap-y-2">
          <Label size="small">Service per carrier</Label>
          {carriers.map((c) => (
            <div key={c.code} className="grid grid-cols-[120px_1fr] items-center gap-x-2">
              <Text size="small">{c.name}</Text>
              <Input
                size="small"
                placeholder={c.code === "sandbox" ? "e.g. express" : "service code, e.g. usps_priority"}
                value={services[c.code] ?? ""}
                onChange={(e) => setServices((prev) => ({ ...prev, [c.code]: e.target.value }))}
                data-testid={`buy-labels-service-${c.code}`}
              />
            </div>
          ))}
          <Text size="xsmall" className="text-ui-fg-subtle">
            Each order gets the cheapest of the services named here. Test orders always get a sandbox label.
          </Text>
        </div>
      ) : (
        <div className="flex flex-col gap-y-2">
          <Label size="small">Carrier</Label>
          <Select value={carrier} onValueChange={setCarrier}>
            <Select.Trigger data-testid="buy-labels-carrier">
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              <Select.Item value={ANY_CARRIER}>Any carrier</Select.Item>
              {carriers.map((c) => (
                <Select.Item key={c.code} value={c.code}>
                  {c.name}
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
          <Text size="xsmall" className="text-ui-fg-subtle">
            Test orders always get a sandbox label, whatever carrier is chosen.
          </Text>
        </div>
      )}
      <div className="flex flex-col gap-y-2">
        <Label size="small">Label format</Label>
        <Select value={format} onValueChange={(v) => setFormat(v as LabelBatchFormat)}>
          <Select.Trigger data-testid="buy-labels-format">
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            <Select.Item value="PDF">PDF (one merged file)</Select.Item>
            <Select.Item value="ZPL">ZPL (thermal printer)</Select.Item>
          </Select.Content>
        </Select>
      </div>
      <Button size="small" onClick={submit} isLoading={create.isPending} disabled={!templateId} data-testid="buy-labels-submit">
        Buy {count} {count === 1 ? "label" : "labels"}
      </Button>
    </div>
  )
}

/** "2 labels, one PDF", "1 ZPL label". */
function printAllSummary(labels: number, format: LabelBatchFormat): string {
  const noun = labels === 1 ? "label" : "labels"
  return format === "ZPL" ? `${labels} ZPL ${noun}` : `${labels} ${noun}, one PDF`
}

/**
 * *Buy labels*: picks a parcel template, a rate rule and a format, queues a
 * label batch, follows the worker's progress, lists every order's outcome
 * (errors per order) and links *Print all* (one PDF or ZPL file).
 */
function BuyLabelsDrawer(props: BulkActionProps) {
  const { selection, open, close } = props
  const [batchId, setBatchId] = useState<string | null>(null)
  const { data, isError, error } = useLabelBatch(batchId)
  const cancel = useCancelLabelBatch()
  const count = selection.mode === "all" ? selection.count : selection.ids.length
  const batch = data?.label_batch
  const total = batch?.progress_total ?? count
  const result = batch?.result
  const running = batch?.status === "pending" || batch?.status === "running"

  return (
    <Drawer open={open} onOpenChange={(next) => !next && close()}>
      <Drawer.Content aria-describedby={undefined} data-testid="buy-labels-drawer">
        <Drawer.Header>
          <Drawer.Title asChild>
            <Heading>
              Buy labels · {count} {count === 1 ? "order" : "orders"}
            </Heading>
          </Drawer.Title>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-4 overflow-y-auto">
          {!batchId ? (
            <BuyLabelsForm {...props} count={count} onQueued={setBatchId} />
          ) : isError ? (
            <Text size="small" className="text-ui-fg-error">
              {errorMessage(error)}
            </Text>
          ) : !batch ? (
            <Text size="small" className="text-ui-fg-subtle">
              Queuing…
            </Text>
          ) : batch.status === "completed" && result ? (
            <div className="flex flex-col gap-y-3" data-testid="buy-labels-result">
              <Text size="small">
                {result.done} {result.done === 1 ? "label" : "labels"} bought
                {result.skipped ? ` · ${result.skipped} skipped` : ""}
                {result.failed ? ` · ${result.failed} failed` : ""}
              </Text>
              {batch.file_url ? (
                <a
                  href={batch.file_url}
                  target="_blank"
                  rel="noreferrer"
                  className="txt-compact-small-plus text-ui-fg-interactive hover:text-ui-fg-interactive-hover"
                  data-testid="buy-labels-print-all"
                >
                  Print all ({printAllSummary(result.labels, batch.params.label_format)})
                </a>
              ) : null}
              <OrderOutcomesTable orders={result.orders} rowTestId="buy-labels-result-row" />
            </div>
          ) : batch.status === "failed" || batch.status === "canceled" ? (
            <Text size="small" className="text-ui-fg-error">
              {batch.error ?? `The batch was ${batch.status}. Labels bought before that stay bought.`}
            </Text>
          ) : (
            <JobProgress done={batch.progress_done} total={total} line="orders · the worker buys them in the background" testId="buy-labels-progress" />
          )}
        </Drawer.Body>
        <Drawer.Footer>
          {batchId && running ? (
            <Button
              size="small"
              variant="secondary"
              isLoading={cancel.isPending}
              onClick={() => cancel.mutateAsync(batchId).catch((e) => toast.error(errorMessage(e)))}
            >
              Stop
            </Button>
          ) : null}
          <Button size="small" variant="secondary" onClick={close}>
            Close
          </Button>
        </Drawer.Footer>
      </Drawer.Content>
    </Drawer>
  )
}

/** "Buy labels": one label per selected order, in the worker, then *Print all*. */
export const buyLabelsAction: BulkAction = {
  key: "buy-labels",
  label: "Buy labels",
  render: (props) => <BuyLabelsDrawer {...props} />,
}
