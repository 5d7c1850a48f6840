import { PencilSquare } from "@medusajs/icons"
import { Button, Heading, Hint, Input, Text } from "@medusajs/ui"
import { useState } from "react"
import type { CarrierAddress } from "../../lib/types"
import { Field } from "../field"

const EMPTY: CarrierAddress = { name: "", street1: "", city: "", postal_code: "", country_code: "" }

/** The address's lines as a carrier would print them. */
function addressLines(address: CarrierAddress): string[] {
  return [
    [address.name, address.company].filter(Boolean).join(", "),
    [address.street1, address.street2].filter(Boolean).join(", "),
    [address.postal_code, address.city, address.state].filter(Boolean).join(" "),
    address.country_code,
    [address.phone, address.email].filter(Boolean).join(" · "),
  ].filter(Boolean)
}

type Key = keyof CarrierAddress

const REQUIRED = ["name", "street1", "city", "postal_code", "country_code"] as const

/** True when a line a carrier needs is empty: the section opens for editing then. */
function incomplete(address: CarrierAddress | null): boolean {
  return !address || REQUIRED.some((key) => !String(address[key] ?? "").trim())
}

/** The address as sent: trimmed, and an empty optional line as null (the API rejects an empty email). */
export function cleanAddress(address: CarrierAddress): CarrierAddress {
  const optional = (value: string | null | undefined) => (value && value.trim() ? value.trim() : null)
  return {
    name: address.name.trim(),
    company: optional(address.company),
    street1: address.street1.trim(),
    street2: optional(address.street2),
    city: address.city.trim(),
    state: optional(address.state),
    postal_code: address.postal_code.trim(),
    country_code: address.country_code.trim().toUpperCase(),
    phone: optional(address.phone),
    email: optional(address.email),
  }
}

const INPUTS: { key: Key; label: string; optional?: boolean; span?: boolean; autoComplete?: string }[] = [
  { key: "name", label: "Name", autoComplete: "name" },
  { key: "company", label: "Company", optional: true, autoComplete: "organization" },
  { key: "street1", label: "Address", span: true, autoComplete: "address-line1" },
  { key: "street2", label: "Apartment, suite…", optional: true, span: true, autoComplete: "address-line2" },
  { key: "postal_code", label: "Postal code", autoComplete: "postal-code" },
  { key: "city", label: "City", autoComplete: "address-level2" },
  { key: "state", label: "State / province", optional: true, autoComplete: "address-level1" },
  { key: "country_code", label: "Country code", autoComplete: "country" },
  { key: "phone", label: "Phone", optional: true, autoComplete: "tel" },
  { key: "email", label: "Email", optional: true, autoComplete: "email" },
]

/**
 * Ship-from or recipient: a summary with "Edit", or the fields. Prefilled from
 * the server's defaults; an empty or invalid address opens for editing.
 */
export function AddressSection({
  id,
  title,
  value,
  onChange,
  error,
}: {
  id: string
  title: string
  value: CarrierAddress | null
  onChange: (value: CarrierAddress) => void
  error?: string | null
}) {
  const [editing, setEditing] = useState(() => incomplete(value))
  const address = value ?? EMPTY
  const open = editing || !!error

  return (
    <section className="flex flex-col gap-y-3" data-testid={`${id}-section`}>
      <div className="flex items-center justify-between gap-x-2">
        <Heading level="h3">{title}</Heading>
        {!open && (
          <Button
            size="small"
            variant="transparent"
            type="button"
            onClick={() => setEditing(true)}
            data-testid={`${id}-edit`}
          >
            <PencilSquare />
            Edit
          </Button>
        )}
      </div>
      {open ? (
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2" data-testid={`${id}-fields`}>
          {INPUTS.map((input) => {
            const inputId = `${id}-${input.key}`
            return (
              <div key={input.key} className={input.span ? "sm:col-span-2" : undefined}>
                <Field label={input.label} htmlFor={inputId} optional={input.optional}>
                  <Input
                    id={inputId}
                    autoComplete={input.autoComplete}
                    value={address[input.key] ?? ""}
                    maxLength={input.key === "country_code" ? 2 : undefined}
                    onChange={(e) =>
                      onChange({
                        ...address,
                        [input.key]: input.key === "country_code" ? e.target.value.toUpperCase() : e.target.value,
                      })
                    }
                    data-testid={inputId}
                  />
                </Field>
              </div>
            )
          })}
        </div>
      ) : (
        <div className="shadow-elevation-card-rest bg-ui-bg-component rounded-lg px-4 py-3" data-testid={`${id}-summary`}>
          {addressLines(address).map((line, i) => (
            <Text key={i} size="small" className={i === 0 ? "text-ui-fg-base" : "text-ui-fg-subtle"} weight={i === 0 ? "plus" : "regular"}>
              {line}
            </Text>
          ))}
        </div>
      )}
      {error && (
        <Hint variant="error" data-testid={`${id}-error`}>
          {error}
        </Hint>
      )}
    </section>
  )
}
