import { Button, DatePicker, Drawer, Heading, Hint, Input, Label, Select, Switch, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { useUpdateShipment } from "../../hooks/shipments"
import { useFieldErrors } from "../../hooks/field-errors"
import { fromIsoDay, toIsoDay, utcIsoDay } from "../../lib/format"
import { shipmentStatusLook } from "../../lib/status"
import type { AdminCarrier, AdminShipment, AdminUpdateShipmentBody, ShipmentStatus } from "../../lib/types"
import { Field } from "../field"
import { CarrierField, carrierChoiceFrom, carrierValue, listedCarrier, type CarrierChoice } from "./carrier-field"

const FIELDS = ["status", "carrier", "tracking_number", "tracking_url", "estimated_delivery_at", "notify_customer"] as const

const orNull = (value: string) => value.trim() || null

function EditShipmentForm({
  orderId,
  shipment,
  carriers,
  onDone,
}: {
  orderId: string
  shipment: AdminShipment
  carriers: AdminCarrier[]
  onDone: () => void
}) {
  const update = useUpdateShipment(orderId)
  const [status, setStatus] = useState<ShipmentStatus>(shipment.status)
  const [carrier, setCarrier] = useState<CarrierChoice>(() => carrierChoiceFrom(shipment.carrier, carriers))
  const [trackingNumber, setTrackingNumber] = useState(shipment.tracking_number ?? "")
  const [trackingUrl, setTrackingUrl] = useState(shipment.tracking_url ?? "")
  const [eta, setEta] = useState<Date | null>(() => fromIsoDay(utcIsoDay(shipment.estimated_delivery_at)))
  const [notify, setNotify] = useState(shipment.notify_customer)
  const { errorFor, report, clear } = useFieldErrors(FIELDS)

  const pickup = shipment.shipping_point === "pickup"
  const known = listedCarrier(carrier, carriers)
  // The current status, then the moves the server allows from it.
  const statusOptions = [shipment.status, ...shipment.allowed_transitions.filter((s) => s !== shipment.status)]

  /** Only what changed goes to the server; an emptied field is cleared. */
  const changes = (): AdminUpdateShipmentBody => {
    const body: AdminUpdateShipmentBody = {}
    if (status !== shipment.status) body.status = status
    if (!pickup) {
      const nextCarrier = carrierValue(carrier)
      if (nextCarrier !== (shipment.carrier ?? null)) body.carrier = nextCarrier
      if (orNull(trackingNumber) !== (shipment.tracking_number ?? null)) body.tracking_number = orNull(trackingNumber)
      if (orNull(trackingUrl) !== (shipment.tracking_url ?? null)) body.tracking_url = orNull(trackingUrl)
    }
    const nextEta = eta ? toIsoDay(eta) : null
    if (nextEta !== utcIsoDay(shipment.estimated_delivery_at)) body.estimated_delivery_at = nextEta
    if (notify !== shipment.notify_customer) body.notify_customer = notify
    return body
  }

  const submit = async () => {
    clear()
    const body = changes()
    if (!Object.keys(body).length) {
      onDone()
      return
    }
    try {
      await update.mutateAsync({ id: shipment.id, ...body })
      toast.success("Shipment updated")
      onDone()
    } catch (e) {
      report(e)
    }
  }

  return (
    <form
      className="flex size-full flex-col overflow-hidden"
      data-testid="edit-shipment-form"
      onSubmit={(e) => {
        e.preventDefault()
        void submit()
      }}
    >
      <Drawer.Body className="flex flex-1 flex-col gap-y-6 overflow-auto">
        <Field label="Status" htmlFor="edit-shipment-status" error={errorFor("status")}>
          <Select
            value={status}
            onValueChange={(value) => setStatus(value as ShipmentStatus)}
            disabled={statusOptions.length < 2}
          >
            <Select.Trigger id="edit-shipment-status" data-testid="edit-shipment-status" aria-label="Status">
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              {statusOptions.map((value) => (
                <Select.Item key={value} value={value}>
                  {value === shipment.status ? shipment.status_label : shipmentStatusLook(value).label}
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
        </Field>
        {!pickup && (
          <>
            <CarrierField id="edit-shipment-carrier" carriers={carriers} value={carrier} onChange={setCarrier} />
            {errorFor("carrier") && <Hint variant="error">{errorFor("carrier")}</Hint>}
            <Field
              label="Tracking number"
              htmlFor="edit-shipment-tracking-number"
              optional={shipment.shipping_point !== "international"}
              error={errorFor("tracking_number")}
            >
              <Input
                id="edit-shipment-tracking-number"
                value={trackingNumber}
                onChange={(e) => setTrackingNumber(e.target.value)}
                aria-invalid={!!errorFor("tracking_number")}
                data-testid="edit-shipment-tracking-number"
              />
            </Field>
            <Field
              label="Tracking URL"
              htmlFor="edit-shipment-tracking-url"
              optional
              hint={known ? `Empty it to link ${known.name}'s tracking page for the number.` : undefined}
              error={errorFor("tracking_url")}
            >
              <Input
                id="edit-shipment-tracking-url"
                type="url"
                placeholder="https://"
                value={trackingUrl}
                onChange={(e) => setTrackingUrl(e.target.value)}
                aria-invalid={!!errorFor("tracking_url")}
                data-testid="edit-shipment-tracking-url"
              />
            </Field>
          </>
        )}
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
          <Switch id="edit-shipment-notify" checked={notify} onCheckedChange={setNotify} />
          <div className="flex flex-col">
            <Label htmlFor="edit-shipment-notify" size="small" weight="plus">
              Notify customer
            </Label>
            <Text size="small" className="text-ui-fg-subtle">
              Email the customer when this shipment changes.
            </Text>
          </div>
        </div>
      </Drawer.Body>
      <Drawer.Footer>
        <div className="flex items-center justify-end gap-x-2">
          <Drawer.Close asChild>
            <Button size="small" variant="secondary" type="button">
              Cancel
            </Button>
          </Drawer.Close>
          <Button size="small" type="submit" isLoading={update.isPending} data-testid="edit-shipment-submit">
            Save
          </Button>
        </div>
      </Drawer.Footer>
    </form>
  )
}

/** Edit a manual shipment: carrier, tracking, ETA, notify, and a status the server allows. */
export function EditShipmentDrawer({
  orderId,
  shipment,
  carriers,
  open,
  onOpenChange,
}: {
  orderId: string
  shipment: AdminShipment
  carriers: AdminCarrier[]
  open: boolean
  onOpenChange: (open: boolean) => void
}) {
  return (
    <Drawer open={open} onOpenChange={onOpenChange}>
      <Drawer.Content aria-describedby={undefined} data-testid="edit-shipment-drawer">
        <Drawer.Header>
          <Drawer.Title asChild>
            <Heading>Edit shipment</Heading>
          </Drawer.Title>
        </Drawer.Header>
        <EditShipmentForm orderId={orderId} shipment={shipment} carriers={carriers} onDone={() => onOpenChange(false)} />
      </Drawer.Content>
    </Drawer>
  )
}
