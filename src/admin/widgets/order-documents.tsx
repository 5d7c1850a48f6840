import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { DocumentText } from "@medusajs/icons"
import { Button, Container, Heading, Text, toast } from "@medusajs/ui"
import { useIssueInvoice, useOrderInvoice, useSendInvoice } from "../hooks/order-exports"
import { errorMessage } from "../lib/errors"
import { formatAmount } from "../lib/format"

const linkClass =
  "txt-compact-small-plus text-ui-fg-interactive hover:text-ui-fg-interactive-hover inline-flex items-center gap-x-1"

/**
 * Documents in the order's side column: the packing slip (rendered from the
 * order as it is now), the invoice (issued once, then always the same
 * stored PDF) and the credit notes its refunds issued.
 */
const OrderDocumentsWidget = ({ data: order }: DetailWidgetProps<AdminOrder>) => {
  const { data, isPending, isError, error } = useOrderInvoice(order.id)
  const invoice = data?.invoice
  const issue = useIssueInvoice(order.id)
  const send = useSendInvoice(order.id)
  const onSend = async () => {
    try {
      const result = await send.mutateAsync(`${order.id}:${Date.now()}`)
      if (result.sent) toast.success(`Invoice ${result.invoice.display_number} sent to ${order.email}`)
      else toast.info(`Invoice ${result.invoice.display_number} was already sent`)
    } catch (e) {
      toast.error(errorMessage(e))
    }
  }
  const onIssue = async () => {
    try {
      const { invoice: issued } = await issue.mutateAsync()
      toast.success(`Invoice ${issued.display_number} issued`)
    } catch (e) {
      toast.error(errorMessage(e))
    }
  }
  return (
    <Container className="flex flex-col gap-y-2 px-6 py-4" data-testid="order-documents-widget">
      <Heading level="h2">Documents</Heading>
      <a href={`/admin/orders/${order.id}/packing-slip`} target="_blank" rel="noreferrer" className={linkClass} data-testid="order-packing-slip-link">
        <DocumentText />
        Packing slip
      </a>
      {isPending ? (
        <Text size="small" className="text-ui-fg-muted">
          Loading invoice…
        </Text>
      ) : isError ? (
        <Text size="small" className="text-ui-fg-error">
          Couldn't load the invoice: {errorMessage(error)}
        </Text>
      ) : invoice ? (
        <>
          <a href={invoice.file_url} target="_blank" rel="noreferrer" className={linkClass} data-testid="order-invoice-link">
            <DocumentText />
            Invoice {invoice.display_number}
          </a>
          <Button size="small" variant="secondary" className="self-start" isLoading={send.isPending} onClick={onSend} data-testid="order-send-invoice">
            Send to customer
          </Button>
          {(data?.credit_notes ?? []).map((note) => (
            <a key={note.id} href={note.file_url} target="_blank" rel="noreferrer" className={linkClass} data-testid="order-credit-note-link">
              <DocumentText />
              Credit note {note.display_number}
              {note.amount !== null && note.currency_code ? (
                <span className="text-ui-fg-subtle">· {formatAmount(note.amount, note.currency_code)}</span>
              ) : null}
            </a>
          ))}
        </>
      ) : (
        <Button size="small" variant="secondary" isLoading={issue.isPending} onClick={onIssue} data-testid="order-issue-invoice">
          Issue invoice
        </Button>
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "order.details.side.after",
})

export default OrderDocumentsWidget
