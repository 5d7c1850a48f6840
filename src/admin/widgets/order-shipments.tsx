import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { DocumentText, PencilSquare, Plus } from "@medusajs/icons"
import { Button, Container, DropdownMenu, Heading, Text, Tooltip } from "@medusajs/ui"
import { useState } from "react"
import { CarrierLabelModal } from "../components/labels/carrier-label-modal"
import { CreateShipmentDrawer } from "../components/shipments/create-shipment-drawer"
import { ShipmentCard } from "../components/shipments/shipment-card"
import { FulfillmentStatusBadge, PaymentStatusBadge } from "../components/status-badges"
import { useOrderShipments } from "../hooks/shipments"
import { errorMessage } from "../lib/errors"

/**
 * "Fulfillment & shipments" on the order page: the order's extended fulfillment
 * and payment status, its shipments with their labels, actions and history,
 * and creating a shipment by hand or by buying a carrier label. What may happen next comes from the server.
 */
const OrderShipmentsWidget = ({ data: order }: DetailWidgetProps<AdminOrder>) => {
  const { data, isPending, isError, error, refetch } = useOrderShipments(order.id)
  const [creating, setCreating] = useState(false)
  const [buyingLabel, setBuyingLabel] = useState(false)

  const leftToShip = data?.fulfillable_items.reduce((sum, item) => sum + item.fulfillable_quantity, 0) ?? 0
  // Numbered in the order they were created, whatever order the list comes in.
  const numbers = new Map(
    [...(data?.shipments ?? [])]
      .sort((a, b) => a.created_at.localeCompare(b.created_at))
      .map((shipment, index) => [shipment.id, index + 1])
  )

  return (
    <Container className="divide-y p-0" data-testid="order-shipments-widget">
      <div className="flex flex-wrap items-center justify-between gap-4 px-6 py-4">
        <div className="flex flex-col gap-y-1">
          <Heading level="h2">Fulfillment &amp; shipments</Heading>
          {data?.order_status ? (
            <div className="flex flex-wrap items-center gap-2">
              <FulfillmentStatusBadge status={data.order_status.fulfillment_status} testId="order-fulfillment-status" />
              <PaymentStatusBadge status={data.order_status.payment_status} testId="order-payment-status" />
            </div>
          ) : (
            data && (
              <Text size="small" className="text-ui-fg-muted">
                Status not computed yet.
              </Text>
            )
          )}
        </div>
        {data &&
          (leftToShip > 0 ? (
            <DropdownMenu>
              <DropdownMenu.Trigger asChild>
                <Button size="small" variant="secondary" data-testid="create-shipment-button">
                  <Plus />
                  Create shipment
                </Button>
              </DropdownMenu.Trigger>
              <DropdownMenu.Content align="end">
                <DropdownMenu.Item className="gap-x-2" onClick={() => setBuyingLabel(true)} data-testid="create-shipment-carrier">
                  <DocumentText className="text-ui-fg-subtle" />
                  Carrier label…
                </DropdownMenu.Item>
                <DropdownMenu.Item className="gap-x-2" onClick={() => setCreating(true)} data-testid="create-shipment-manual">
                  <PencilSquare className="text-ui-fg-subtle" />
                  Manual shipment…
                </DropdownMenu.Item>
              </DropdownMenu.Content>
            </DropdownMenu>
          ) : (
            <Tooltip content="Every item has been shipped.">
              <Button size="small" variant="secondary" disabled data-testid="create-shipment-button">
                <Plus />
                Create shipment
              </Button>
            </Tooltip>
          ))}
      </div>

      {isPending ? (
        <div className="px-6 py-4" aria-busy="true">
          <Text size="small" className="text-ui-fg-muted">
            Loading shipments…
          </Text>
        </div>
      ) : isError ? (
        <div className="flex items-center justify-between gap-x-4 px-6 py-4">
          <Text size="small" className="text-ui-fg-error">
            Couldn't load shipments: {errorMessage(error)}
          </Text>
          <Button size="small" variant="secondary" onClick={() => refetch()}>
            Retry
          </Button>
        </div>
      ) : data.shipments.length === 0 ? (
        <div className="px-6 py-4" data-testid="shipments-empty">
          <Text size="small" className="text-ui-fg-muted">
            No shipments yet.{" "}
            {leftToShip > 0 ? "Create one to ship some or all of the items." : ""}
          </Text>
        </div>
      ) : (
        <ul className="divide-y" data-testid="shipments">
          {data.shipments.map((shipment) => (
            <ShipmentCard
              key={shipment.id}
              orderId={order.id}
              shipment={shipment}
              number={numbers.get(shipment.id) ?? 0}
              carriers={data.carriers}
            />
          ))}
        </ul>
      )}

      {data && <CreateShipmentDrawer orderId={order.id} data={data} open={creating} onOpenChange={setCreating} />}
      {data && <CarrierLabelModal orderId={order.id} data={data} open={buyingLabel} onOpenChange={setBuyingLabel} />}
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "order.details.after",
})

export default OrderShipmentsWidget
