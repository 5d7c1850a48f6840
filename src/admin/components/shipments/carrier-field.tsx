import { Input, Label, Select, Text } from "@medusajs/ui"
import type { AdminCarrier } from "../../lib/types"

const NONE = "__none"
const OTHER = "__other"

/** What the merchant picked: nothing, a listed carrier (by code), or another one typed by name. */
export type CarrierChoice = { choice: string; other: string }

/** The choice showing a shipment's current carrier. */
export function carrierChoiceFrom(carrier: string | null | undefined, carriers: AdminCarrier[]): CarrierChoice {
  if (!carrier) return { choice: NONE, other: "" }
  const listed = carriers.find((c) => c.code === carrier)
  return listed ? { choice: listed.code, other: "" } : { choice: OTHER, other: carrier }
}

export const emptyCarrierChoice: CarrierChoice = { choice: NONE, other: "" }

/** The carrier to send: a code, a typed name, or null for none. */
export function carrierValue(value: CarrierChoice): string | null {
  if (value.choice === NONE) return null
  if (value.choice === OTHER) return value.other.trim() || null
  return value.choice
}

/** The listed carrier picked, if any (the server builds its tracking URL). */
export function listedCarrier(value: CarrierChoice, carriers: AdminCarrier[]): AdminCarrier | undefined {
  return carriers.find((c) => c.code === value.choice)
}

/** Carrier picker: the server's carriers, or "Other" with a free-text name. */
export function CarrierField({
  id,
  carriers,
  value,
  onChange,
}: {
  id: string
  carriers: AdminCarrier[]
  value: CarrierChoice
  onChange: (value: CarrierChoice) => void
}) {
  return (
    <div className="flex flex-col gap-y-2">
      <Label htmlFor={id} size="small" weight="plus">
        Carrier
      </Label>
      <Select value={value.choice} onValueChange={(choice) => onChange({ ...value, choice })}>
        <Select.Trigger id={id} data-testid="shipment-carrier-select" aria-label="Carrier">
          <Select.Value placeholder="Choose a carrier" />
        </Select.Trigger>
        <Select.Content>
          <Select.Item value={NONE}>
            <Text size="small" as="span" className="text-ui-fg-muted">
              No carrier
            </Text>
          </Select.Item>
          {carriers.map((carrier) => (
            <Select.Item key={carrier.code} value={carrier.code}>
              {carrier.name}
            </Select.Item>
          ))}
          <Select.Item value={OTHER}>Other…</Select.Item>
        </Select.Content>
      </Select>
      {value.choice === OTHER && (
        <Input
          aria-label="Carrier name"
          placeholder="Carrier name"
          data-testid="shipment-carrier-other"
          value={value.other}
          onChange={(e) => onChange({ ...value, other: e.target.value })}
        />
      )}
    </div>
  )
}
