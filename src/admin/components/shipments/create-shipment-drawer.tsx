import {
  Button,
  DatePicker,
  Drawer,
  Heading,
  Hint,
  Input,
  Label,
  RadioGroup,
  Switch,
  Text,
  toast,
} from "@medusajs/ui"
import { Photo } from "@medusajs/icons"
import { useState } from "react"
import { useCreateShipment } from "../../hooks/shipments"
import { useFieldErrors } from "../../hooks/field-errors"
import { toIsoDay } from "../../lib/format"
import { SHIPPING_POINT, SHIPPING_POINTS } from "../../lib/status"
import type { AdminCreateShipmentBody, AdminOrderShipmentsResponse, ShippingPoint } from "../../lib/types"
import { Field } from "../field"
import { CarrierField, carrierValue, emptyCarrierChoice, listedCarrier, type CarrierChoice } from "./carrier-field"

const FIELDS = ["items", "shipping_point", "carrier", "tracking_number", "tracking_url", "estimated_delivery_at"] as const

/** The drawer's form; mounted afresh each time the drawer opens. */
function CreateShipmentForm({
  orderId,
  data,
  onDone,
}: {
  orderId: string
  data: AdminOrderShipmentsResponse
  onDone: () => void
}) {
  const create = useCreateShipment(orderId)
  const items = data.fulfillable_items
  // Ship everything that is left by default; the merchant lowers quantities for a partial shipment.
  const [quantities, setQuantities] = useState<Record<string, string>>(() =>
    Object.fromEntries(items.map((item) => [item.line_item_id, String(item.fulfillable_quantity)]))
  )
  const [point, setPoint] = useState<ShippingPoint>("local")
  const [carrier, setCarrier] = useState<CarrierChoice>(emptyCarrierChoice)
  const [trackingNumber, setTrackingNumber] = useState("")
  const [trackingUrl, setTrackingUrl] = useState("")
  const [eta, setEta] = useState<Date | null>(null)
  const [notify, setNotify] = useState(true)
  const [markShipped, setMarkShipped] = useState(true)
  const { errorFor, report, clear } = useFieldErrors(FIELDS)

  const pickup = point === "pickup"
  const chosen = items
    .map((item) => ({ item, quantity: Number(quantities[item.line_item_id] || 0) }))
    .filter(({ quantity }) => quantity > 0)
  const quantityError = items.find((item) => {
    const raw = quantities[item.line_item_id]
    const n = Number(raw || 0)
    return !Number.isInteger(n) || n < 0 || n > item.fulfillable_quantity
  })
  const known = listedCarrier(carrier, data.carriers)

  const submit = async () => {
    clear()
    const body: AdminCreateShipmentBody = {
      items: chosen.map(({ item, quantity }) => ({ line_item_id: item.line_item_id, quantity })),
      shipping_point: point,
      notify_customer: notify,
    }
    if (!pickup) {
      const code = carrierValue(carrier)
      if (code) body.carrier = code
      if (trackingNumber.trim()) body.tracking_number = trackingNumber.trim()
      if (trackingUrl.trim()) body.tracking_url = trackingUrl.trim()
      body.mark_shipped = markShipped
    }
    if (eta) body.estimated_delivery_at = toIsoDay(eta)
    try {
      await create.mutateAsync(body)
      toast.success(pickup ? "Pickup shipment created" : markShipped ? "Shipment created and marked as shipped" : "Shipment created")
      onDone()
    } catch (e) {
      report(e)
    }
  }

  return (
    <form
      className="flex size-full flex-col overflow-hidden"
      data-testid="create-shipment-form"
      onSubmit={(e) => {
        e.preventDefault()
        if (chosen.length && !quantityError) void submit()
      }}
    >
      <Drawer.Body className="flex flex-1 flex-col gap-y-8 overflow-auto">
        <section className="flex flex-col gap-y-3">
          <div>
            <Heading level="h3">Items</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              Ship all or part of what is left. Leave an item at 0 to ship it later.
            </Text>
          </div>
          <ul className="shadow-elevation-card-rest bg-ui-bg-component divide-y rounded-lg">
            {items.map((item) => {
              const inputId = `shipment-qty-${item.line_item_id}`
              const none = item.fulfillable_quantity === 0
              return (
                <li
                  key={item.line_item_id}
                  className="flex items-center gap-x-3 px-4 py-3"
                  data-testid="shipment-item"
                  data-line-item-id={item.line_item_id}
                >
                  {item.thumbnail ? (
                    <img src={item.thumbnail} alt="" className="h-10 w-8 shrink-0 rounded object-cover" />
                  ) : (
                    <div className="bg-ui-bg-component border-ui-border-base flex h-10 w-8 shrink-0 items-center justify-center rounded border">
                      <Photo className="text-ui-fg-subtle" />
                    </div>
                  )}
                  <div className="flex min-w-0 flex-1 flex-col">
                    <Label htmlFor={inputId} size="small" weight="plus" className="truncate">
                      {item.title}
                    </Label>
                    <Text size="xsmall" className="text-ui-fg-subtle truncate">
                      {[item.variant_title, item.sku].filter(Boolean).join(" · ") || "\u00a0"}
                    </Text>
                  </div>
                  <div className="flex items-center gap-x-2">
                    <Input
                      id={inputId}
                      type="number"
                      size="small"
                      className="w-20 text-right"
                      min={0}
                      max={item.fulfillable_quantity}
                      step={1}
                      disabled={none}
                      value={quantities[item.line_item_id] ?? "0"}
                      onChange={(e) => setQuantities((q) => ({ ...q, [item.line_item_id]: e.target.value }))}
                      aria-invalid={quantityError?.line_item_id === item.line_item_id}
                      data-testid="shipment-item-quantity"
                    />
                    <Text size="small" className="text-ui-fg-muted w-16 whitespace-nowrap">
                      {none ? "all shipped" : `of ${item.fulfillable_quantity}`}
                    </Text>
                  </div>
                </li>
              )
            })}
          </ul>
          {quantityError ? (
            <Hint variant="error">
              Enter a whole number from 0 to {quantityError.fulfillable_quantity} for “{quantityError.title}”.
            </Hint>
          ) : errorFor("items") ? (
            <Hint variant="error">{errorFor("items")}</Hint>
          ) : null}
        </section>

        <section className="flex flex-col gap-y-3">
          <Heading level="h3">Shipping point</Heading>
          <RadioGroup
            value={point}
            onValueChange={(value) => setPoint(value as ShippingPoint)}
            className="grid grid-cols-1 gap-3"
            data-testid="shipment-shipping-point"
          >
            {SHIPPING_POINTS.map((value) => (
              <RadioGroup.ChoiceBox
                key={value}
                value={value}
                label={SHIPPING_POINT[value].label}
                description={SHIPPING_POINT[value].description}
                data-testid={`shipping-point-${value}`}
              />
            ))}
          </RadioGroup>
          {errorFor("shipping_point") && <Hint variant="error">{errorFor("shipping_point")}</Hint>}
        </section>

        {!pickup && (
          <section className="flex flex-col gap-y-4">
            <Heading level="h3">Carrier and tracking</Heading>
            <CarrierField id="create-shipment-carrier" carriers={data.carriers} value={carrier} onChange={setCarrier} />
            {errorFor("carrier") && <Hint variant="error">{errorFor("carrier")}</Hint>}
            <Field
              label="Tracking number"
              htmlFor="create-shipment-tracking-number"
              optional={point !== "international"}
              hint={point === "international" ? "Required for international shipments." : undefined}
              error={errorFor("tracking_number")}
              testId="shipment-tracking-number-field"
            >
              <Input
                id="create-shipment-tracking-number"
                value={trackingNumber}
                onChange={(e) => setTrackingNumber(e.target.value)}
                aria-invalid={!!errorFor("tracking_number")}
                data-testid="shipment-tracking-number"
              />
            </Field>
            <Field
              label="Tracking URL"
              htmlFor="create-shipment-tracking-url"
              optional
              hint={
                known
                  ? `Leave empty to link ${known.name}'s tracking page for this number.`
                  : "The page where the customer follows the parcel."
              }
              error={errorFor("tracking_url")}
            >
              <Input
                id="create-shipment-tracking-url"
                type="url"
                placeholder="https://"
                value={trackingUrl}
                onChange={(e) => setTrackingUrl(e.target.value)}
                aria-invalid={!!errorFor("tracking_url")}
                data-testid="shipment-tracking-url"
              />
            </Field>
          </section>
        )}

        <section className="flex flex-col gap-y-4">
          <Heading level="h3">Delivery</Heading>
          <Field
            label={pickup ? "Ready for pickup by" : "Estimated delivery"}
            optional
            error={errorFor("estimated_delivery_at")}
          >
            <DatePicker
              aria-label={pickup ? "Ready for pickup by" : "Estimated delivery"}
              value={eta}
              onChange={setEta}
              modal
            />
          </Field>
          <div className="flex items-start gap-x-3">
            <Switch id="create-shipment-notify" checked={notify} onCheckedChange={setNotify} data-testid="shipment-notify" />
            <div className="flex flex-col">
              <Label htmlFor="create-shipment-notify" size="small" weight="plus">
                Notify customer
              </Label>
              <Text size="small" className="text-ui-fg-subtle">
                {pickup ? "Tell the customer when the items are ready." : "Email the customer the tracking details."}
              </Text>
            </div>
          </div>
          {!pickup && (
            <div className="flex items-start gap-x-3">
              <Switch
                id="create-shipment-mark-shipped"
                checked={markShipped}
                onCheckedChange={setMarkShipped}
                data-testid="shipment-mark-shipped"
              />
              <div className="flex flex-col">
                <Label htmlFor="create-shipment-mark-shipped" size="small" weight="plus">
                  Mark as shipped now
                </Label>
                <Text size="small" className="text-ui-fg-subtle">
                  Turn off to prepare the shipment and ship it later.
                </Text>
              </div>
            </div>
          )}
        </section>
      </Drawer.Body>
      <Drawer.Footer>
        <div className="flex items-center justify-end gap-x-2">
          <Drawer.Close asChild>
            <Button size="small" variant="secondary" type="button">
              Cancel
            </Button>
          </Drawer.Close>
          <Button
            size="small"
            type="submit"
            isLoading={create.isPending}
            disabled={!chosen.length || !!quantityError}
            data-testid="create-shipment-submit"
          >
            Create shipment
          </Button>
        </div>
      </Drawer.Footer>
    </form>
  )
}

/** "Create shipment": items and quantities, shipping point, carrier, tracking, ETA, notify. */
export function CreateShipmentDrawer({
  orderId,
  data,
  open,
  onOpenChange,
}: {
  orderId: string
  data: AdminOrderShipmentsResponse
  open: boolean
  onOpenChange: (open: boolean) => void
}) {
  return (
    <Drawer open={open} onOpenChange={onOpenChange}>
      <Drawer.Content aria-describedby={undefined} data-testid="create-shipment-drawer">
        <Drawer.Header>
          <Drawer.Title asChild>
            <Heading>Create shipment</Heading>
          </Drawer.Title>
        </Drawer.Header>
        {/* Radix mounts the content only while open, so every opening starts from a fresh form. */}
        <CreateShipmentForm orderId={orderId} data={data} onDone={() => onOpenChange(false)} />
      </Drawer.Content>
    </Drawer>
  )
}
