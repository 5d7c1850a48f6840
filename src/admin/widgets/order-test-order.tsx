import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { Trash } from "@medusajs/icons"
import { Badge, Button, Container, Heading, Text, toast, usePrompt } from "@medusajs/ui"
import { useNavigate } from "react-router-dom"
import { useDeleteTestOrder, useOrderTestOrder } from "../hooks/test-orders"
import { errorMessage } from "../lib/errors"

/**
 * On a test order's page: says it is a test and lets the merchant delete it.
 * Real orders (and an order whose flag can't be read) show nothing, so the
 * banner never appears on an order it doesn't belong to.
 */
const OrderTestOrderWidget = ({ data: order }: DetailWidgetProps<AdminOrder>) => {
  const { data } = useOrderTestOrder(order.id)
  const remove = useDeleteTestOrder()
  const prompt = usePrompt()
  const navigate = useNavigate()

  const testOrder = data?.test_order
  if (!testOrder) {
    return null
  }

  const onDelete = async () => {
    const confirmed = await prompt({
      title: `Delete test order #${order.display_id}?`,
      description: "The order is deleted for good. Real orders are not affected.",
      confirmText: "Delete test order",
      cancelText: "Cancel",
    })
    if (!confirmed) return
    try {
      await remove.mutateAsync(order.id)
      toast.success(`Test order #${order.display_id} deleted`)
      navigate("/orders")
    } catch (e) {
      toast.error(errorMessage(e))
    }
  }

  return (
    <Container
      className="flex flex-wrap items-center justify-between gap-4 px-6 py-4"
      data-testid="order-test-order-widget"
      data-payment-state={testOrder.payment_state}
    >
      <div className="flex flex-col gap-y-1">
        <div className="flex items-center gap-x-2">
          <Badge size="2xsmall" color="purple" data-testid="order-test-badge">
            Test
          </Badge>
          <Heading level="h2">Test order</Heading>
        </div>
        <Text size="small" className="text-ui-fg-subtle">
          This order is flagged as a test{testOrder.generated_customer ? ", placed for a generated test customer" : ""}.
          It is harmless: try anything on it, then delete it.
        </Text>
      </div>
      <Button
        size="small"
        variant="secondary"
        isLoading={remove.isPending}
        onClick={onDelete}
        data-testid="delete-test-order-button"
      >
        <Trash />
        Delete test order
      </Button>
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "order.details.before",
})

export default OrderTestOrderWidget
