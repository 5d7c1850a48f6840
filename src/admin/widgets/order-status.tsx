import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { Badge, Container, Heading, Text } from "@medusajs/ui"
import { useOrderStatus } from "../hooks/order-ops"
import { errorMessage } from "../lib/errors"
import { FULFILLMENT_STATUS, PAYMENT_STATUS } from "../lib/status"

const formatComputedAt = (iso: string) =>
  new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "medium" })

/**
 * On an order's page: the order's extended fulfillment and payment status
 * as the Order operations list stores them, and when they were last
 * computed — so a merchant can tell a fresh status from one waiting for the
 * next recompute (events, or the heal job every minute).
 */
const OrderStatusWidget = ({ data: order }: DetailWidgetProps<AdminOrder>) => {
  const { data, isLoading, isError, error } = useOrderStatus(order.id)
  const status = data?.order_status

  return (
    <Container className="flex flex-col gap-y-3 px-6 py-4" data-testid="order-status-widget">
      <Heading level="h2">Order operations status</Heading>
      {isLoading ? (
        <Text size="small" className="text-ui-fg-subtle">
          Loading…
        </Text>
      ) : isError || !status ? (
        <Text size="small" className="text-ui-fg-error" data-testid="order-status-error">
          {isError ? errorMessage(error) : "No status yet."}
        </Text>
      ) : (
        <>
          <div className="flex flex-wrap items-center gap-2">
            <Badge size="2xsmall" color={FULFILLMENT_STATUS[status.fulfillment_status].color} data-testid="order-status-fulfillment">
              {FULFILLMENT_STATUS[status.fulfillment_status].label}
            </Badge>
            <Badge size="2xsmall" color={PAYMENT_STATUS[status.payment_status].color} data-testid="order-status-payment">
              {PAYMENT_STATUS[status.payment_status].label}
            </Badge>
          </div>
          <Text size="small" className="text-ui-fg-subtle" data-testid="order-status-computed-at" data-computed-at={status.computed_at}>
            Last computed {formatComputedAt(status.computed_at)}
          </Text>
        </>
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "order.details.side.before",
})

export default OrderStatusWidget
