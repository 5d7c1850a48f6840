import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { DocumentText } from "@medusajs/icons"
import { Container, Heading, Text } from "@medusajs/ui"

/**
 * Documents in the order's side column: the packing slip (every item), as a
 * PDF in a new tab, rendered by the server from the order as it is now.
 */
const OrderDocumentsWidget = ({ data: order }: DetailWidgetProps<AdminOrder>) => (
  <Container className="flex flex-col gap-y-2 px-6 py-4" data-testid="order-documents-widget">
    <Heading level="h2">Documents</Heading>
    <a
      href={`/admin/orders/${order.id}/packing-slip`}
      target="_blank"
      rel="noreferrer"
      className="txt-compact-small-plus text-ui-fg-interactive hover:text-ui-fg-interactive-hover inline-flex items-center gap-x-1"
      data-testid="order-packing-slip-link"
    >
      <DocumentText />
      Packing slip
    </a>
    <Text size="xsmall" className="text-ui-fg-muted">
      Shipments have their own slip, with only their items, at /admin/shipments/:id/packing-slip.
    </Text>
  </Container>
)

export const config = defineWidgetConfig({
  zone: "order.details.side.after",
})

export default OrderDocumentsWidget
