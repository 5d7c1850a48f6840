import { Badge, Button, DropdownMenu, Input, Label, Select, Text, Textarea, toast } from "@medusajs/ui"
import { useState } from "react"
import { useCreateDispute, useOrderCase, useUpdateDispute } from "../../hooks/order-case"
import { errorMessage } from "../../lib/errors"
import { formatAmount, formatDateTime } from "../../lib/format"
import { DISPUTE_STATUS_LABELS } from "../../lib/order-case"

const REASONS = [
  ["fraudulent", "Fraudulent"],
  ["product_not_received", "Product not received"],
  ["product_unacceptable", "Product unacceptable"],
  ["duplicate", "Duplicate"],
  ["subscription_canceled", "Subscription canceled"],
  ["credit_not_processed", "Credit not processed"],
  ["unrecognized", "Unrecognized"],
  ["other", "Other"],
] as const

/** Moves allowed from each status (the server enforces the same table). */
const NEXT: Record<string, string[]> = {
  needs_response: ["under_review", "won", "lost", "accepted"],
  under_review: ["needs_response", "won", "lost", "accepted"],
}

/** The order's disputes: record one, move it, download its evidence pack (PDF, or a zip with its sources). */
export function OrderDisputes({ orderId, currencyCode }: { orderId: string; currencyCode: string }) {
  const { data } = useOrderCase(orderId)
  const create = useCreateDispute(orderId)
  const update = useUpdateDispute(orderId)
  const [open, setOpen] = useState(false)
  const [amount, setAmount] = useState("")
  const [reason, setReason] = useState("fraudulent")
  const [due, setDue] = useState("")
  const [notes, setNotes] = useState("")
  const disputes = data?.case.disputes ?? []

  const onCreate = async () => {
    try {
      await create.mutateAsync({
        amount: Number(amount),
        reason,
        evidence_due_by: due ? new Date(`${due}T23:59:59Z`).toISOString() : null,
        notes: notes.trim() || null,
      })
      toast.success("Dispute recorded")
      setOpen(false)
      setAmount("")
      setNotes("")
      setDue("")
    } catch (e) {
      toast.error(errorMessage(e))
    }
  }
  const onMove = async (id: string, status: string) => {
    try {
      await update.mutateAsync({ id, status })
      toast.success(`Dispute: ${DISPUTE_STATUS_LABELS[status]}`)
    } catch (e) {
      toast.error(errorMessage(e))
    }
  }

  return (
    <div className="flex flex-col gap-y-2 px-6 py-4" data-testid="order-disputes">
      <div className="flex items-center justify-between">
        <Text size="small" weight="plus">Disputes</Text>
        {!open && (
          <Button size="small" variant="secondary" onClick={() => setOpen(true)} data-testid="dispute-open">
            Record dispute
          </Button>
        )}
      </div>
      {disputes.length === 0 && !open && <Text size="small" className="text-ui-fg-muted">None</Text>}
      {disputes.map((d) => (
        <div key={d.id} className="flex flex-col gap-y-1 rounded-md border px-3 py-2" data-testid="dispute-row" data-dispute-id={d.id}>
          <div className="flex items-center justify-between gap-x-2">
            <Badge size="2xsmall" color={d.status === "won" ? "green" : d.status === "needs_response" ? "orange" : d.status === "under_review" ? "blue" : "red"} data-testid="dispute-status">
              {DISPUTE_STATUS_LABELS[d.status]}
            </Badge>
            <Text size="small">{formatAmount(d.amount, d.currency_code || currencyCode)}</Text>
          </div>
          <Text size="xsmall" className="text-ui-fg-subtle">
            {REASONS.find(([v]) => v === d.reason)?.[1] ?? d.reason}
            {d.evidence_due_by ? ` · evidence due ${formatDateTime(d.evidence_due_by)}` : ""}
            {d.gateway ? ` · ${d.gateway}` : ""}
          </Text>
          <div className="flex items-center gap-x-2">
            <Button size="small" variant="secondary" asChild>
              <a href={`/admin/disputes/${d.id}/evidence`} download data-testid="dispute-evidence-download">
                Download evidence
              </a>
            </Button>
            <a
              href={`/admin/disputes/${d.id}/evidence?format=zip`}
              download
              className="txt-compact-small-plus text-ui-fg-interactive hover:text-ui-fg-interactive-hover"
              data-testid="dispute-evidence-zip"
            >
              Sources (zip)
            </a>
            {NEXT[d.status] && (
              <DropdownMenu>
                <DropdownMenu.Trigger asChild>
                  <Button size="small" variant="transparent" data-testid="dispute-move">Move…</Button>
                </DropdownMenu.Trigger>
                <DropdownMenu.Content>
                  {NEXT[d.status].map((s) => (
                    <DropdownMenu.Item key={s} onClick={() => onMove(d.id, s)}>{DISPUTE_STATUS_LABELS[s]}</DropdownMenu.Item>
                  ))}
                </DropdownMenu.Content>
              </DropdownMenu>
            )}
          </div>
        </div>
      ))}
      {open && (
        <div className="flex flex-col gap-y-2" data-testid="dispute-form">
          <Label size="small" htmlFor="dispute-amount">Amount ({currencyCode.toUpperCase()})</Label>
          <Input id="dispute-amount" size="small" type="number" min="0" step="0.01" value={amount} onChange={(e) => setAmount(e.target.value)} data-testid="dispute-amount" />
          <Label size="small">Reason</Label>
          <Select value={reason} onValueChange={setReason}>
            <Select.Trigger data-testid="dispute-reason"><Select.Value /></Select.Trigger>
            <Select.Content>
              {REASONS.map(([v, l]) => <Select.Item key={v} value={v}>{l}</Select.Item>)}
            </Select.Content>
          </Select>
          <Label size="small" htmlFor="dispute-due">Evidence due by</Label>
          <Input id="dispute-due" size="small" type="date" value={due} onChange={(e) => setDue(e.target.value)} data-testid="dispute-due" />
          <Label size="small">Notes</Label>
          <Textarea value={notes} onChange={(e) => setNotes(e.target.value)} />
          <div className="flex justify-end gap-x-2">
            <Button size="small" variant="secondary" onClick={() => setOpen(false)}>Cancel</Button>
            <Button size="small" disabled={!(Number(amount) > 0)} isLoading={create.isPending} onClick={onCreate} data-testid="dispute-submit">
              Record dispute
            </Button>
          </div>
        </div>
      )}
    </div>
  )
}
