import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { Badge, Container, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { useOrderExceptions } from "../hooks/order-exceptions"

/**
 * Above Medusa's order list: how many rows the exceptions inbox holds, with
 * a link to it (the admin SDK's sidebar entries take no live badge).
 */
const OrderListExceptionsWidget = () => {
  const { data } = useOrderExceptions({ offset: 0, limit: 1 })
  const total = data ? Object.values(data.counts).reduce((a, b) => a + b, 0) : 0
  if (!total) return null
  return (
    <Container className="flex items-center justify-between px-6 py-3" data-testid="order-list-exceptions">
      <Text size="small">Orders that need a person</Text>
      <Link to="/order-exceptions" className="flex items-center gap-x-2 text-ui-fg-interactive txt-compact-small-plus">
        <Badge size="2xsmall" color="red" data-testid="order-list-exceptions-count">{total}</Badge>
        Open exceptions
      </Link>
    </Container>
  )
}

export const config = defineWidgetConfig({ zone: "order.list.before" })

export default OrderListExceptionsWidget
