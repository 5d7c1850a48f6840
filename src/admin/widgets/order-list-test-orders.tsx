import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { Container, Text } from "@medusajs/ui"
import { PlaceTestOrderButton } from "../components/test-orders/place-test-order-drawer"

/** Above the core order list: place a test order and land on it. */
const OrderListTestOrdersWidget = () => {
  return (
    <Container className="flex flex-wrap items-center justify-between gap-4 px-6 py-4" data-testid="order-list-test-orders-widget">
      <Text size="small" className="text-ui-fg-subtle">
        Try checkout, fulfillment and emails on a test order: it is flagged as a test and can be deleted at any time.
      </Text>
      <PlaceTestOrderButton />
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "order.list.before",
})

export default OrderListTestOrdersWidget
