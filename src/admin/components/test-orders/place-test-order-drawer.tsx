import { Photo, Plus, XMark } from "@medusajs/icons"
import {
  Button,
  Drawer,
  Heading,
  Hint,
  IconButton,
  Input,
  Label,
  RadioGroup,
  Select,
  Text,
  toast,
} from "@medusajs/ui"
import { useEffect, useState } from "react"
import { useNavigate } from "react-router-dom"
import { useProductSearch, useRegions, useShippingOptions } from "../../hooks/catalog"
import { usePlaceTestOrder } from "../../hooks/test-orders"
import { useFieldErrors } from "../../hooks/field-errors"
import { errorMessage } from "../../lib/errors"
import type { AdminPlaceTestOrderBody, TestOrderPaymentState } from "../../lib/types"
import { Field } from "../field"

const FIELDS = [
  "items",
  "region_id",
  "customer_id",
  "email",
  "shipping_address",
  "shipping_option_id",
  "payment",
] as const

const PAYMENT_STATES: { value: TestOrderPaymentState; label: string; description: string }[] = [
  { value: "paid", label: "Paid", description: "The payment is captured; the order is ready to fulfill." },
  { value: "unpaid", label: "Unpaid", description: "The order waits for payment." },
]

/** Select value for "let the server choose" (Radix selects can't hold an empty value). */
const SERVER_DEFAULT = "__default__"
const SEARCH_DEBOUNCE_MS = 300

type ChosenItem = { variant_id: string; title: string; subtitle: string; quantity: string }

/** The text the merchant typed, once they pause. */
function useDebounced(value: string): string {
  const [debounced, setDebounced] = useState(value)
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), SEARCH_DEBOUNCE_MS)
    return () => clearTimeout(timer)
  }, [value])
  return debounced
}

/** Search products and add their variants; the chosen ones show below with a quantity each. */
function VariantPicker({
  items,
  onChange,
  invalidIndex,
}: {
  items: ChosenItem[]
  onChange: (items: ChosenItem[]) => void
  invalidIndex: number | null
}) {
  const [search, setSearch] = useState("")
  const q = useDebounced(search.trim())
  const { data, isPending, isError, error } = useProductSearch(q)
  const chosenIds = new Set(items.map((item) => item.variant_id))

  const add = (item: Omit<ChosenItem, "quantity">) => onChange([...items, { ...item, quantity: "1" }])
  const setQuantity = (variantId: string, quantity: string) =>
    onChange(items.map((item) => (item.variant_id === variantId ? { ...item, quantity } : item)))
  const remove = (variantId: string) => onChange(items.filter((item) => item.variant_id !== variantId))

  return (
    <div className="flex flex-col gap-y-3">
      {items.length > 0 && (
        <ul className="shadow-elevation-card-rest bg-ui-bg-component divide-y rounded-lg" data-testid="test-order-items">
          {items.map((item, index) => {
            const inputId = `test-order-qty-${item.variant_id}`
            return (
              <li
                key={item.variant_id}
                className="flex items-center gap-x-3 px-4 py-3"
                data-testid="test-order-item"
                data-variant-id={item.variant_id}
              >
                <div className="flex min-w-0 flex-1 flex-col">
                  <Label htmlFor={inputId} size="small" weight="plus" className="truncate">
                    {item.title}
                  </Label>
                  <Text size="xsmall" className="text-ui-fg-subtle truncate">
                    {item.subtitle || "\u00a0"}
                  </Text>
                </div>
                <Input
                  id={inputId}
                  type="number"
                  size="small"
                  className="w-20 text-right"
                  min={1}
                  step={1}
                  value={item.quantity}
                  onChange={(e) => setQuantity(item.variant_id, e.target.value)}
                  aria-invalid={invalidIndex === index}
                  data-testid="test-order-item-quantity"
                />
                <IconButton
                  type="button"
                  size="small"
                  variant="transparent"
                  aria-label={`Remove ${item.title}`}
                  onClick={() => remove(item.variant_id)}
                >
                  <XMark />
                </IconButton>
              </li>
            )
          })}
        </ul>
      )}
      <Input
        type="search"
        size="small"
        placeholder="Search products to add"
        aria-label="Search products"
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        data-testid="test-order-product-search"
      />
      {isPending ? (
        <Text size="small" className="text-ui-fg-muted" aria-busy="true">
          Loading products…
        </Text>
      ) : isError ? (
        <Text size="small" className="text-ui-fg-error">
          Couldn't load products: {errorMessage(error)}
        </Text>
      ) : data.products.length === 0 ? (
        <Text size="small" className="text-ui-fg-muted">
          No products match “{q}”.
        </Text>
      ) : (
        <ul className="border-ui-border-base divide-y rounded-lg border" data-testid="test-order-search-results">
          {data.products.map((product) => (
            <li key={product.id} className="flex flex-col gap-y-1 px-4 py-2">
              <div className="flex items-center gap-x-2">
                {product.thumbnail ? (
                  <img src={product.thumbnail} alt="" className="h-6 w-5 shrink-0 rounded object-cover" />
                ) : (
                  <Photo className="text-ui-fg-muted shrink-0" />
                )}
                <Text size="small" weight="plus" className="truncate">
                  {product.title}
                </Text>
              </div>
              <ul className="flex flex-col">
                {(product.variants ?? []).map((variant) => {
                  const subtitle = [variant.title, variant.sku].filter(Boolean).join(" · ")
                  const added = chosenIds.has(variant.id)
                  return (
                    <li
                      key={variant.id}
                      className="flex items-center justify-between gap-x-2 pl-7"
                      data-testid="test-order-variant"
                      data-variant-id={variant.id}
                    >
                      <Text size="small" className="text-ui-fg-subtle truncate">
                        {subtitle || "Default variant"}
                      </Text>
                      <Button
                        type="button"
                        size="small"
                        variant="transparent"
                        disabled={added}
                        onClick={() => add({ variant_id: variant.id, title: product.title, subtitle })}
                      >
                        {added ? (
                          "Added"
                        ) : (
                          <>
                            <Plus />
                            Add
                          </>
                        )}
                      </Button>
                    </li>
                  )
                })}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}

/** The drawer's form; mounted afresh each time the drawer opens. */
function PlaceTestOrderForm({ onDone }: { onDone: () => void }) {
  const navigate = useNavigate()
  const place = usePlaceTestOrder()
  const regions = useRegions()
  const shippingOptions = useShippingOptions()
  const [payment, setPayment] = useState<TestOrderPaymentState>("paid")
  const [items, setItems] = useState<ChosenItem[]>([])
  const [regionId, setRegionId] = useState(SERVER_DEFAULT)
  const [shippingOptionId, setShippingOptionId] = useState(SERVER_DEFAULT)
  const [email, setEmail] = useState("")
  const { errorFor, raw, report, clear } = useFieldErrors(FIELDS)

  const quantityError = items.find((item) => {
    const n = Number(item.quantity)
    return !item.quantity || !Number.isInteger(n) || n < 1
  })
  // "items[1].variant_id: …" points at the second chosen line.
  const itemIndex = raw ? /^items\[(\d+)\]/.exec(raw) : null

  const submit = async () => {
    clear()
    const body: AdminPlaceTestOrderBody = { payment }
    if (items.length) body.items = items.map((item) => ({ variant_id: item.variant_id, quantity: Number(item.quantity) }))
    if (regionId !== SERVER_DEFAULT) body.region_id = regionId
    if (shippingOptionId !== SERVER_DEFAULT) body.shipping_option_id = shippingOptionId
    if (email.trim()) body.email = email.trim()
    try {
      const { order } = await place.mutateAsync(body)
      toast.success(`Test order #${order.display_id} placed`)
      onDone()
      navigate(`/orders/${order.id}`)
    } catch (e) {
      report(e)
    }
  }

  return (
    <form
      className="flex size-full flex-col overflow-hidden"
      data-testid="place-test-order-form"
      onSubmit={(e) => {
        e.preventDefault()
        if (!quantityError) void submit()
      }}
    >
      <Drawer.Body className="flex flex-1 flex-col gap-y-8 overflow-auto">
        <Text size="small" className="text-ui-fg-subtle">
          A real order, flagged as a test: it goes through checkout like any other and can be deleted later. Leave
          the optional fields empty and the store picks in-stock products, its default region, a generated test
          customer and the cheapest shipping.
        </Text>

        <section className="flex flex-col gap-y-3">
          <Heading level="h3">Payment</Heading>
          <RadioGroup
            value={payment}
            onValueChange={(value) => setPayment(value as TestOrderPaymentState)}
            className="grid grid-cols-2 gap-3"
            data-testid="test-order-payment"
          >
            {PAYMENT_STATES.map((state) => (
              <RadioGroup.ChoiceBox
                key={state.value}
                value={state.value}
                label={state.label}
                description={state.description}
                data-testid={`test-order-payment-${state.value}`}
              />
            ))}
          </RadioGroup>
          {errorFor("payment") && <Hint variant="error">{errorFor("payment")}</Hint>}
        </section>

        <section className="flex flex-col gap-y-3" data-testid="test-order-items-field">
          <div>
            <Heading level="h3">
              Items <span className="text-ui-fg-muted txt-small font-normal">(optional)</span>
            </Heading>
            <Text size="small" className="text-ui-fg-subtle">
              Without items, the order gets a random mix of in-stock physical and digital products.
            </Text>
          </div>
          <VariantPicker items={items} onChange={setItems} invalidIndex={itemIndex ? Number(itemIndex[1]) : null} />
          {quantityError ? (
            <Hint variant="error">Enter a whole number of at least 1 for “{quantityError.title}”.</Hint>
          ) : errorFor("items") ? (
            <Hint variant="error" data-testid="test-order-items-field-error">
              {errorFor("items")}
            </Hint>
          ) : null}
        </section>

        <section className="flex flex-col gap-y-4">
          <Heading level="h3">Customer and delivery</Heading>
          <Field
            label="Region"
            htmlFor="test-order-region"
            optional
            hint="Sets the currency and the countries you can ship to."
            error={errorFor("region_id")}
            testId="test-order-region-field"
          >
            <Select value={regionId} onValueChange={setRegionId}>
              <Select.Trigger id="test-order-region" aria-label="Region" data-testid="test-order-region-select">
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                <Select.Item value={SERVER_DEFAULT}>Default region</Select.Item>
                {regions.data?.regions.map((region) => (
                  <Select.Item key={region.id} value={region.id}>
                    {region.name} ({region.currency_code.toUpperCase()})
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
          </Field>
          {regions.isError && (
            <Hint variant="error">Couldn't load regions: {errorMessage(regions.error)}</Hint>
          )}
          <Field
            label="Shipping option"
            htmlFor="test-order-shipping-option"
            optional
            hint="It must serve the region's address."
            error={errorFor("shipping_option_id")}
            testId="test-order-shipping-option-field"
          >
            <Select value={shippingOptionId} onValueChange={setShippingOptionId}>
              <Select.Trigger
                id="test-order-shipping-option"
                aria-label="Shipping option"
                data-testid="test-order-shipping-option-select"
              >
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                <Select.Item value={SERVER_DEFAULT}>Cheapest available</Select.Item>
                {shippingOptions.data?.shipping_options.map((option) => (
                  <Select.Item key={option.id} value={option.id}>
                    {option.name}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
          </Field>
          {shippingOptions.isError && (
            <Hint variant="error">Couldn't load shipping options: {errorMessage(shippingOptions.error)}</Hint>
          )}
          <Field
            label="Customer email"
            htmlFor="test-order-email"
            optional
            hint="Leave empty to place the order for a generated test customer."
            error={errorFor("email") ?? errorFor("customer_id") ?? errorFor("shipping_address")}
            testId="test-order-email-field"
          >
            <Input
              id="test-order-email"
              type="email"
              placeholder="A generated test customer"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              aria-invalid={!!errorFor("email")}
              data-testid="test-order-email"
            />
          </Field>
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
            isLoading={place.isPending}
            disabled={!!quantityError}
            data-testid="place-test-order-submit"
          >
            Place test order
          </Button>
        </div>
      </Drawer.Footer>
    </form>
  )
}

/** "Place test order": payment state, optional items, region, shipping option and customer email. */
export function PlaceTestOrderDrawer({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  return (
    <Drawer open={open} onOpenChange={onOpenChange}>
      <Drawer.Content aria-describedby={undefined} data-testid="place-test-order-drawer">
        <Drawer.Header>
          <Drawer.Title asChild>
            <Heading>Place test order</Heading>
          </Drawer.Title>
        </Drawer.Header>
        {/* Radix mounts the content only while open, so every opening starts from a fresh form. */}
        <PlaceTestOrderForm onDone={() => onOpenChange(false)} />
      </Drawer.Content>
    </Drawer>
  )
}

/** The "Place test order" button with its drawer. */
export function PlaceTestOrderButton({ variant = "secondary" }: { variant?: "primary" | "secondary" }) {
  const [open, setOpen] = useState(false)
  return (
    <>
      <Button size="small" variant={variant} onClick={() => setOpen(true)} data-testid="place-test-order-button">
        Place test order
      </Button>
      <PlaceTestOrderDrawer open={open} onOpenChange={setOpen} />
    </>
  )
}
