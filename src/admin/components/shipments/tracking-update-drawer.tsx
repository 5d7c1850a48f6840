import { Button, DatePicker, Drawer, Heading, Input, Select, Textarea, toast } from "@medusajs/ui"
import { useState } from "react"
import { useAddShipmentEvent } from "../../hooks/shipments"
import { useFieldErrors } from "../../hooks/field-errors"
import { shipmentStatusLook } from "../../lib/status"
import type { AdminShipment, AdminShipmentEventBody, ShipmentStatus } from "../../lib/types"
import { Field } from "../field"

const FIELDS = ["status", "occurred_at", "message", "location"] as const

function TrackingUpdateForm({
  orderId,
  shipment,
  onDone,
}: {
  orderId: string
  shipment: AdminShipment
  onDone: () => void
}) {
  const add = useAddShipmentEvent(orderId)
  // A scan at the current status (a new location) or one of the moves the server allows;
  // canceling has its own action.
  const options = [shipment.status, ...shipment.allowed_transitions].filter(
    (s, i, all) => s !== "canceled" && all.indexOf(s) === i
  )
  const [status, setStatus] = useState<ShipmentStatus>(
    shipment.allowed_transitions.find((s) => s !== "canceled") ?? shipment.status
  )
  const [occurredAt, setOccurredAt] = useState<Date | null>(null)
  const [location, setLocation] = useState("")
  const [message, setMessage] = useState("")
  const { errorFor, report, clear } = useFieldErrors(FIELDS)

  const submit = async () => {
    clear()
    const body: AdminShipmentEventBody = { status }
    if (occurredAt) body.occurred_at = occurredAt.toISOString()
    if (location.trim()) body.location = location.trim()
    if (message.trim()) body.message = message.trim()
    try {
      const result = await add.mutateAsync({ id: shipment.id, ...body })
      if (result.applied) {
        toast.success("Tracking update added")
      } else {
        toast.info("Tracking update recorded in the history; it did not change the shipment's status")
      }
      onDone()
    } catch (e) {
      report(e)
    }
  }

  return (
    <form
      className="flex size-full flex-col overflow-hidden"
      data-testid="tracking-update-form"
      onSubmit={(e) => {
        e.preventDefault()
        void submit()
      }}
    >
      <Drawer.Body className="flex flex-1 flex-col gap-y-6 overflow-auto">
        <Field label="Status" htmlFor="tracking-update-status" error={errorFor("status")}>
          <Select value={status} onValueChange={(value) => setStatus(value as ShipmentStatus)}>
            <Select.Trigger id="tracking-update-status" aria-label="Status" data-testid="tracking-update-status">
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              {options.map((value) => (
                <Select.Item key={value} value={value}>
                  {shipmentStatusLook(value).label}
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
        </Field>
        <Field label="When" optional hint="Leave empty for now." error={errorFor("occurred_at")}>
          <DatePicker
            aria-label="When"
            granularity="minute"
            value={occurredAt}
            onChange={setOccurredAt}
            maxValue={new Date()}
            modal
          />
        </Field>
        <Field label="Location" htmlFor="tracking-update-location" optional error={errorFor("location")}>
          <Input
            id="tracking-update-location"
            placeholder="Hamburg hub"
            value={location}
            onChange={(e) => setLocation(e.target.value)}
          />
        </Field>
        <Field label="Message" htmlFor="tracking-update-message" optional error={errorFor("message")}>
          <Textarea
            id="tracking-update-message"
            rows={3}
            placeholder="Left at the front desk"
            value={message}
            onChange={(e) => setMessage(e.target.value)}
          />
        </Field>
      </Drawer.Body>
      <Drawer.Footer>
        <div className="flex items-center justify-end gap-x-2">
          <Drawer.Close asChild>
            <Button size="small" variant="secondary" type="button">
              Cancel
            </Button>
          </Drawer.Close>
          <Button size="small" type="submit" isLoading={add.isPending} data-testid="tracking-update-submit">
            Add update
          </Button>
        </div>
      </Drawer.Footer>
    </form>
  )
}

/** Record a tracking update (a scan, a failed attempt…) on a shipment's history. */
export function TrackingUpdateDrawer({
  orderId,
  shipment,
  open,
  onOpenChange,
}: {
  orderId: string
  shipment: AdminShipment
  open: boolean
  onOpenChange: (open: boolean) => void
}) {
  return (
    <Drawer open={open} onOpenChange={onOpenChange}>
      <Drawer.Content aria-describedby={undefined} data-testid="tracking-update-drawer">
        <Drawer.Header>
          <Drawer.Title asChild>
            <Heading>Add tracking update</Heading>
          </Drawer.Title>
        </Drawer.Header>
        <TrackingUpdateForm orderId={orderId} shipment={shipment} onDone={() => onOpenChange(false)} />
      </Drawer.Content>
    </Drawer>
  )
}
