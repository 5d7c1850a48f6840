import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { Badge, Button, Checkbox, Container, Heading, Input, Label, Select, Text, Textarea, toast } from "@medusajs/ui"
import { useState } from "react"
import { OrderDisputes } from "../components/order-case/order-disputes"
import { useOrderCase, useOrderLabels, usePlaceHold, useReleaseHold, useSetOrderLabel } from "../hooks/order-case"
import { errorMessage } from "../lib/errors"
import { formatDateTime } from "../lib/format"
import { HOLD_REASONS, holdReasonLabel } from "../lib/order-case"

type BadgeColor = "grey" | "blue" | "green" | "orange" | "red" | "purple"

/** Hold / release with a reason and a note. */
function HoldSection({ orderId }: { orderId: string }) {
  const { data } = useOrderCase(orderId)
  const place = usePlaceHold(orderId)
  const release = useReleaseHold(orderId)
  const [open, setOpen] = useState(false)
  const [reason, setReason] = useState("awaiting_payment")
  const [note, setNote] = useState("")
  const hold = data?.case.hold

  const onPlace = async () => {
    try {
      await place.mutateAsync({ reason, note: note.trim() || null })
      toast.success("Order put on hold")
      setOpen(false)
      setNote("")
    } catch (e) {
      toast.error(errorMessage(e))
    }
  }
  const onRelease = async () => {
    try {
      await release.mutateAsync({})
      toast.success("Hold released")
    } catch (e) {
      toast.error(errorMessage(e))
    }
  }

  if (hold) {
    return (
      <div className="flex flex-col gap-y-2 px-6 py-4" data-testid="order-hold-active">
        <div className="flex items-center justify-between">
          <Badge color="red" size="small">On hold · {holdReasonLabel(hold.reason)}</Badge>
          <Button size="small" variant="secondary" isLoading={release.isPending} onClick={onRelease} data-testid="order-hold-release">
            Release hold
          </Button>
        </div>
        {hold.note && <Text size="small" className="text-ui-fg-subtle">{hold.note}</Text>}
        <Text size="xsmall" className="text-ui-fg-muted">Since {formatDateTime(hold.placed_at)}. Shipments, labels and deliveries wait.</Text>
      </div>
    )
  }
  return (
    <div className="flex flex-col gap-y-2 px-6 py-4">
      {!open ? (
        <Button size="small" variant="secondary" onClick={() => setOpen(true)} data-testid="order-hold-open">
          Put on hold
        </Button>
      ) : (
        <div className="flex flex-col gap-y-2" data-testid="order-hold-form">
          <Label size="small">Reason</Label>
          <Select value={reason} onValueChange={setReason}>
            <Select.Trigger data-testid="order-hold-reason"><Select.Value /></Select.Trigger>
            <Select.Content>
              {HOLD_REASONS.map((r) => (
                <Select.Item key={r.value} value={r.value}>{r.label}</Select.Item>
              ))}
            </Select.Content>
          </Select>
          <Label size="small">Note</Label>
          <Textarea value={note} onChange={(e) => setNote(e.target.value)} data-testid="order-hold-note" />
          <div className="flex justify-end gap-x-2">
            <Button size="small" variant="secondary" onClick={() => setOpen(false)}>Cancel</Button>
            <Button size="small" isLoading={place.isPending} onClick={onPlace} data-testid="order-hold-submit">Put on hold</Button>
          </div>
        </div>
      )}
    </div>
  )
}

/** The merchant's label on the order, with a reference and "email the customer". */
function LabelSection({ orderId }: { orderId: string }) {
  const { data } = useOrderCase(orderId)
  const { data: labels } = useOrderLabels()
  const setLabel = useSetOrderLabel(orderId)
  const [labelId, setLabelId] = useState("")
  const [reference, setReference] = useState("")
  const [notify, setNotify] = useState(false)
  const current = data?.case.label

  const onSave = async (clear = false) => {
    try {
      await setLabel.mutateAsync(
        clear ? { label_id: null } : { label_id: labelId, reference: reference.trim() || null, notify_customer: notify }
      )
      toast.success(clear ? "Label removed" : "Label set")
      setLabelId("")
      setReference("")
      setNotify(false)
    } catch (e) {
      toast.error(errorMessage(e))
    }
  }

  return (
    <div className="flex flex-col gap-y-2 px-6 py-4" data-testid="order-label-section">
      <div className="flex items-center justify-between">
        <Text size="small" weight="plus">Label</Text>
        {current ? (
          <div className="flex items-center gap-x-2">
            <Badge size="small" color={current.color as BadgeColor} data-testid="order-label-current">{current.name}</Badge>
            <Button size="small" variant="transparent" onClick={() => onSave(true)}>Remove</Button>
          </div>
        ) : (
          <Text size="small" className="text-ui-fg-muted">None</Text>
        )}
      </div>
      {current?.reference && <Text size="xsmall" className="text-ui-fg-subtle">Reference: {current.reference}</Text>}
      {(labels?.order_labels.length ?? 0) === 0 ? (
        <Text size="xsmall" className="text-ui-fg-muted">Add labels in Settings → Order labels.</Text>
      ) : (
        <div className="flex flex-col gap-y-2">
          <Select value={labelId} onValueChange={setLabelId}>
            <Select.Trigger data-testid="order-label-select"><Select.Value placeholder="Choose a label" /></Select.Trigger>
            <Select.Content>
              {labels!.order_labels.map((l) => (
                <Select.Item key={l.id} value={l.id}>{l.name}</Select.Item>
              ))}
            </Select.Content>
          </Select>
          <Input size="small" placeholder="Reference (optional)" value={reference} onChange={(e) => setReference(e.target.value)} />
          <div className="flex items-center gap-x-2">
            <Checkbox id="order-label-notify" checked={notify} onCheckedChange={(v) => setNotify(v === true)} />
            <Label htmlFor="order-label-notify" size="small">Email the customer</Label>
          </div>
          <Button size="small" variant="secondary" disabled={!labelId} isLoading={setLabel.isPending} onClick={() => onSave()} data-testid="order-label-save">
            Set label
          </Button>
        </div>
      )}
    </div>
  )
}

/** Holds, merchant label and disputes of an order, in the side column. */
const OrderCaseWidget = ({ data: order }: DetailWidgetProps<AdminOrder>) => {
  return (
    <Container className="divide-y p-0" data-testid="order-case-widget">
      <div className="px-6 py-4">
        <Heading level="h2">Hold, label &amp; disputes</Heading>
      </div>
      <HoldSection orderId={order.id} />
      <LabelSection orderId={order.id} />
      <OrderDisputes orderId={order.id} currencyCode={order.currency_code} />
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "order.details.side.before",
})

export default OrderCaseWidget
