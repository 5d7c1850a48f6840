import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { CheckCircle, EllipsisHorizontal, Envelope } from "@medusajs/icons"
import { Badge, Button, Container, DropdownMenu, Heading, IconButton, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { DeliveryCard } from "../components/digital-delivery/delivery-card"
import { NotesDrawer } from "../components/digital-delivery/notes-drawer"
import {
  useCompleteDigitalOrder,
  useOrderDeliveries,
  useResendDeliveryInstructions,
} from "../hooks/digital-delivery"
import { IN_FLIGHT } from "../lib/digital-delivery"
import { errorMessage } from "../lib/errors"

const FRESH_ORDER_MS = 15 * 60 * 1000

/**
 * "Digital delivery" on the order page, shown when the order has digital items:
 * each item's delivery with its status, codes, download links and attempt log;
 * retrying, marking delivered by hand, completing the order and resending the
 * customer's instructions. Polls while a delivery is still on its way.
 */
const OrderDigitalDeliveryWidget = ({ data: order }: DetailWidgetProps<AdminOrder>) => {
  // Deliveries are created when the payment is captured, which may happen while this page is open.
  const fresh = Date.now() - new Date(order.created_at).getTime() < FRESH_ORDER_MS
  const { data, isPending, isError, error, refetch } = useOrderDeliveries(order.id, { awaitFirst: fresh })
  const complete = useCompleteDigitalOrder(order.id)
  const resend = useResendDeliveryInstructions(order.id)
  const [completing, setCompleting] = useState(false)

  // Nothing digital in this order: the widget stays out of the way.
  if (isPending || (data && data.deliveries.length === 0)) return null

  const onResend = async () => {
    try {
      const result = await resend.mutateAsync()
      if (result.sent) {
        const what = [
          result.downloads ? `${result.downloads} download link${result.downloads === 1 ? "" : "s"}` : "",
          result.codes ? `${result.codes} code${result.codes === 1 ? "" : "s"}` : "",
        ].filter(Boolean)
        toast.success(`Delivery instructions sent${what.length ? ` (${what.join(", ")})` : ""}`)
      } else {
        toast.warning(`Instructions not sent: ${result.reason ?? "nothing to send"}`)
      }
    } catch (e) {
      toast.error(errorMessage(e))
    }
  }

  const inFlight = data?.deliveries.filter((d) => IN_FLIGHT.includes(d.status)).length ?? 0
  const completed = data?.order_status === "completed"
  const canceled = data?.order_status === "canceled"

  return (
    <Container className="divide-y p-0" data-testid="order-digital-delivery-widget">
      <div className="flex flex-wrap items-center justify-between gap-4 px-6 py-4">
        <div className="flex flex-col gap-y-1">
          <div className="flex items-center gap-x-2">
            <Heading level="h2">Digital delivery</Heading>
            {completed && (
              <Badge size="2xsmall" color="green" data-testid="digital-order-completed">
                Order completed
              </Badge>
            )}
          </div>
          <Text size="small" className="text-ui-fg-subtle">
            {inFlight > 0
              ? `${inFlight} item${inFlight === 1 ? " is" : "s are"} still being delivered; this updates by itself.`
              : "Download links, license codes and game or community perks sent for this order."}
          </Text>
        </div>
        {data && !canceled && (
          <DropdownMenu>
            <DropdownMenu.Trigger asChild>
              <IconButton size="small" variant="transparent" aria-label="Digital delivery actions" data-testid="digital-delivery-actions">
                <EllipsisHorizontal />
              </IconButton>
            </DropdownMenu.Trigger>
            <DropdownMenu.Content align="end">
              <DropdownMenu.Item className="gap-x-2" onClick={() => void onResend()} data-testid="digital-delivery-resend">
                <Envelope className="text-ui-fg-subtle" />
                Resend delivery instructions
              </DropdownMenu.Item>
              {!completed && (
                <DropdownMenu.Item className="gap-x-2" onClick={() => setCompleting(true)} data-testid="digital-delivery-complete">
                  <CheckCircle className="text-ui-fg-subtle" />
                  Complete order…
                </DropdownMenu.Item>
              )}
            </DropdownMenu.Content>
          </DropdownMenu>
        )}
      </div>

      {isError ? (
        <div className="flex items-center justify-between gap-x-4 px-6 py-4">
          <Text size="small" className="text-ui-fg-error">
            Couldn't load deliveries: {errorMessage(error)}
          </Text>
          <Button size="small" variant="secondary" onClick={() => refetch()}>
            Retry
          </Button>
        </div>
      ) : (
        <ul className="divide-y" data-testid="deliveries">
          {data.deliveries.map((delivery) => (
            <DeliveryCard
              key={delivery.id}
              delivery={delivery}
              orderId={order.id}
              variantTitle={order.items?.find((item) => item.id === delivery.line_item_id)?.variant_title}
            />
          ))}
        </ul>
      )}

      <NotesDrawer
        open={completing}
        onOpenChange={setCompleting}
        title="Complete order"
        description="Completes the order in Medusa, whatever the deliveries' status. Your notes are kept as an internal note on the order."
        withCode={false}
        submitLabel="Complete order"
        pending={complete.isPending}
        testId="complete-order-drawer"
        onSubmit={async (value) => {
          await complete.mutateAsync({ notes: value.notes })
          toast.success("Order completed")
        }}
      />
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "order.details.after",
})

export default OrderDigitalDeliveryWidget
