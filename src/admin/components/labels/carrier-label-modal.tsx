import { Photo } from "@medusajs/icons"
import {
  Alert,
  Badge,
  Button,
  DatePicker,
  FocusModal,
  Heading,
  Hint,
  InlineTip,
  Input,
  Label,
  RadioGroup,
  Select,
  Switch,
  Text,
  clx,
  toast,
} from "@medusajs/ui"
import { useRef, useState, type ReactNode } from "react"
import { useFieldErrors } from "../../hooks/field-errors"
import { useBuyLabel, useGetRates, useLabelDefaults } from "../../hooks/labels"
import { errorMessage } from "../../lib/errors"
import { formatAmount, formatCalendarDay, formatDimensions, formatWeight, toIsoDay } from "../../lib/format"
import { CUSTOMS_CONTENTS, DISTANCE_UNITS, MASS_UNITS, SIGNATURE } from "../../lib/status"
import type {
  AdminFulfillableItem,
  AdminLabelDefaults,
  AdminOrderShipmentsResponse,
  AdminRate,
  AdminRatesBody,
  AdminRatesResponse,
  CarrierAddress,
  CarrierCode,
  CustomsContentsType,
  DistanceUnit,
  LabelFormat,
  MassUnit,
  SignatureOption,
} from "../../lib/types"
import { Field } from "../field"
import { AddressSection, cleanAddress } from "./address-section"

/**
 * Server 400s name the field ("insurance_amount: …", "Field 'customs, items, 0, hs_code' is required").
 * `customs` comes before `items` so that a customs line's error lands on the customs section.
 */
const FIELDS = [
  "customs",
  "items",
  "parcel_template_id",
  "parcels",
  "shipment_date",
  "insurance_amount",
  "declared_value",
  "dangerous_goods",
  "signature",
  "label_format",
  "rate",
  "carrier",
] as const

const CUSTOM = "__custom"
const ALL = "__all"

type ParcelDraft = {
  length: string
  width: string
  height: string
  distance_unit: DistanceUnit
  weight: string
  mass_unit: MassUnit
}

type Quote = { key: string; body: AdminRatesBody; result: AdminRatesResponse }

/** The address a message is about ("from", "to"), matched only where the message names it as a field. */
function addressError(raw: string | null, side: "from" | "to"): string | null {
  if (!raw) return null
  return new RegExp(`(^|field ')${side}([.,:'\\[]|$)`, "i").test(raw) ? raw : null
}

/** The customs line a message is about, e.g. `customs.items[1].hs_code` or `customs, items, 1, hs_code`. */
function customsLineOfError(raw: string | null): number | null {
  const match = raw ? /customs(?:\.|, )items(?:\[|, )(\d+)/.exec(raw) : null
  return match ? Number(match[1]) : null
}

const positive = (value: string) => {
  const n = Number(value)
  return value.trim() !== "" && Number.isFinite(n) && n > 0
}

function Section({ title, description, children, testId }: { title: string; description?: string; children: ReactNode; testId?: string }) {
  return (
    <section className="flex flex-col gap-y-3" data-testid={testId}>
      <div>
        <Heading level="h3">{title}</Heading>
        {description && (
          <Text size="small" className="text-ui-fg-subtle">
            {description}
          </Text>
        )}
      </div>
      {children}
    </section>
  )
}

function ItemThumbnail({ item }: { item: AdminFulfillableItem }) {
  return item.thumbnail ? (
    <img src={item.thumbnail} alt="" className="h-10 w-8 shrink-0 rounded object-cover" />
  ) : (
    <div className="bg-ui-bg-component border-ui-border-base flex h-10 w-8 shrink-0 items-center justify-center rounded border">
      <Photo className="text-ui-fg-subtle" />
    </div>
  )
}

/** The form; mounted afresh, with a fresh idempotency key, each time the modal opens. */
function CarrierLabelForm({
  orderId,
  data,
  defaults,
  onDone,
}: {
  orderId: string
  data: AdminOrderShipmentsResponse
  defaults: AdminLabelDefaults
  onDone: () => void
}) {
  const getRates = useGetRates(orderId)
  const buy = useBuyLabel(orderId)
  const { errorFor, raw, report, clear } = useFieldErrors(FIELDS)
  // One purchase per opening: a double click or a retry after a lost answer sends the same key,
  // and the server buys once.
  const [idempotencyKey] = useState(() => crypto.randomUUID())
  const buying = useRef(false)

  const items = data.fulfillable_items
  const templates = defaults.parcel_templates
  // The offline carrier (the registry's only non-live one) is the one test orders use.
  const sandbox = defaults.carriers.find((c) => !c.live)

  const [quantities, setQuantities] = useState<Record<string, string>>(() =>
    Object.fromEntries(items.map((item) => [item.line_item_id, String(item.fulfillable_quantity)]))
  )
  const [templateId, setTemplateId] = useState<string>(
    () => (templates.find((t) => t.is_default) ?? templates[0])?.id ?? CUSTOM
  )
  const [parcel, setParcel] = useState<ParcelDraft>({
    length: "",
    width: "",
    height: "",
    distance_unit: "cm",
    weight: "",
    mass_unit: "kg",
  })
  const [from, setFrom] = useState<CarrierAddress | null>(defaults.from)
  const [to, setTo] = useState<CarrierAddress | null>(defaults.to)
  const [shipDate, setShipDate] = useState<Date | null>(() => new Date())
  const [insurance, setInsurance] = useState("")
  const [declaredValue, setDeclaredValue] = useState("")
  const [contentsType, setContentsType] = useState<CustomsContentsType>("merchandise")
  const [customsLines, setCustomsLines] = useState<Record<string, { hs_code: string; origin_country: string }>>({})
  const [dangerousGoods, setDangerousGoods] = useState(false)
  const [signature, setSignature] = useState<"none" | SignatureOption>("none")
  const [carrier, setCarrier] = useState<string>(defaults.is_test && sandbox ? sandbox.code : ALL)
  const [format, setFormat] = useState<LabelFormat>(
    defaults.label_formats.includes("PDF") ? "PDF" : (defaults.label_formats[0] ?? "PDF")
  )
  const [quote, setQuote] = useState<Quote | null>(null)
  const [rateId, setRateId] = useState<string | null>(null)

  const chosen = items
    .map((item) => ({ item, quantity: Number(quantities[item.line_item_id] || 0) }))
    .filter(({ quantity }) => quantity > 0)
  const quantityError = items.find((item) => {
    const n = Number(quantities[item.line_item_id] || 0)
    return !Number.isInteger(n) || n < 0 || n > item.fulfillable_quantity
  })
  const custom = templateId === CUSTOM
  const parcelIncomplete = custom && !(positive(parcel.length) && positive(parcel.width) && positive(parcel.height) && positive(parcel.weight))
  const template = templates.find((t) => t.id === templateId)
  // The server says whether the order ships abroad; an edited address can make it so too.
  const international =
    defaults.international || (!!from?.country_code && !!to?.country_code && from.country_code !== to.country_code)
  const customsLineError = customsLineOfError(raw)

  const body: AdminRatesBody = {
    items: chosen.map(({ item, quantity }) => ({ line_item_id: item.line_item_id, quantity })),
    ...(custom
      ? {
          parcels: [
            {
              length: Number(parcel.length),
              width: Number(parcel.width),
              height: Number(parcel.height),
              distance_unit: parcel.distance_unit,
              weight: Number(parcel.weight),
              mass_unit: parcel.mass_unit,
            },
          ],
        }
      : { parcel_template_id: templateId }),
    ...(from ? { from: cleanAddress(from) } : {}),
    ...(to ? { to: cleanAddress(to) } : {}),
    ...(defaults.location_id ? { location_id: defaults.location_id } : {}),
    ...(shipDate ? { shipment_date: toIsoDay(shipDate) } : {}),
    ...(insurance.trim() ? { insurance_amount: Number(insurance) } : {}),
    ...(declaredValue.trim() ? { declared_value: Number(declaredValue) } : {}),
    ...(international
      ? {
          customs: {
            contents_type: contentsType,
            items: chosen.map(({ item }) => ({
              line_item_id: item.line_item_id,
              hs_code: customsLines[item.line_item_id]?.hs_code.trim() || null,
              origin_country: customsLines[item.line_item_id]?.origin_country.trim().toUpperCase() || null,
            })),
          },
        }
      : {}),
    dangerous_goods: dangerousGoods,
    signature: signature === "none" ? null : signature,
    ...(carrier !== ALL ? { carrier: carrier as CarrierCode } : {}),
  }
  const key = JSON.stringify(body)
  const stale = !!quote && quote.key !== key
  const rates = quote ? [...quote.result.rates].sort((a, b) => a.amount - b.amount) : []
  const rate = !stale ? rates.find((r) => r.rate_id === rateId) : undefined
  const carrierName = (code: string) => defaults.carriers.find((c) => c.code === code)?.name ?? code
  const canQuote = chosen.length > 0 && !quantityError && !parcelIncomplete

  const onGetRates = async () => {
    clear()
    setRateId(null)
    try {
      const result = await getRates.mutateAsync(body)
      setQuote({ key, body, result })
      if (!result.rates.length && !result.errors.length) toast.info("No carrier quoted these details")
    } catch (e) {
      setQuote(null)
      report(e)
    }
  }

  const onBuy = async () => {
    if (!rate || !quote || buying.current) return
    buying.current = true
    clear()
    try {
      const { label } = await buy.mutateAsync({
        ...quote.body,
        carrier: rate.carrier,
        rate,
        label_format: format,
        idempotency_key: idempotencyKey,
      })
      toast.success(
        `Label bought: ${[label.carrier_name ?? rate.carrier_name, label.service ?? rate.service].join(" ")} for ${formatAmount(
          label.amount ?? rate.amount,
          label.currency_code ?? rate.currency_code
        )}`
      )
      onDone()
    } catch (e) {
      report(e)
    } finally {
      buying.current = false
    }
  }

  const setLine = (lineItemId: string, patch: Partial<{ hs_code: string; origin_country: string }>) =>
    setCustomsLines((lines) => ({
      ...lines,
      [lineItemId]: { ...(lines[lineItemId] ?? { hs_code: "", origin_country: "" }), ...patch },
    }))

  return (
    <form
      className="flex size-full flex-col overflow-hidden"
      data-testid="carrier-label-form"
      onSubmit={(e) => {
        e.preventDefault()
        if (canQuote) void onGetRates()
      }}
    >
      <FocusModal.Body className="flex-1 overflow-auto">
        <div className="mx-auto grid w-full max-w-[1200px] grid-cols-1 gap-8 px-6 py-8 lg:grid-cols-[minmax(0,1fr)_420px]">
          <div className="flex flex-col gap-y-8">
            <div className="flex flex-col gap-y-1">
              <FocusModal.Title asChild>
                <Heading>Buy a shipping label</Heading>
              </FocusModal.Title>
              <Text size="small" className="text-ui-fg-subtle">
                Pick what goes in the parcel, check the addresses, then compare the carriers' rates.
              </Text>
            </div>

            {defaults.is_test && (
              <InlineTip variant="info" label="Test order" data-testid="carrier-label-test-hint">
                This is a test order: only the sandbox carrier can be used, and no money moves.
              </InlineTip>
            )}

            <Section title="Items" description="Ship all or part of what is left. Leave an item at 0 to ship it later.">
              <ul className="shadow-elevation-card-rest bg-ui-bg-component divide-y rounded-lg">
                {items.map((item) => {
                  const inputId = `label-qty-${item.line_item_id}`
                  const none = item.fulfillable_quantity === 0
                  return (
                    <li key={item.line_item_id} className="flex items-center gap-x-3 px-4 py-3" data-testid="label-item">
                      <ItemThumbnail item={item} />
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
                          data-testid="label-item-quantity"
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
                <Hint variant="error" data-testid="label-items-error">
                  {errorFor("items")}
                </Hint>
              ) : null}
            </Section>

            <Section title="Package" testId="label-package-section">
              <Field
                label="Parcel"
                htmlFor="label-parcel-template"
                hint={template ? `${formatDimensions(template)}, ${formatWeight(template)}` : undefined}
                error={errorFor("parcel_template_id")}
                testId="label-parcel-template-field"
              >
                <Select value={templateId} onValueChange={setTemplateId}>
                  <Select.Trigger id="label-parcel-template" aria-label="Parcel" data-testid="label-parcel-template">
                    <Select.Value placeholder="Choose a package" />
                  </Select.Trigger>
                  <Select.Content>
                    {templates.map((t) => (
                      <Select.Item key={t.id} value={t.id}>
                        {t.name}
                        {t.is_default ? " (default)" : ""}
                      </Select.Item>
                    ))}
                    <Select.Item value={CUSTOM}>Custom dimensions…</Select.Item>
                  </Select.Content>
                </Select>
              </Field>
              {custom && (
                <div className="grid grid-cols-2 gap-4 sm:grid-cols-4" data-testid="label-custom-parcel">
                  {(["length", "width", "height"] as const).map((dim) => (
                    <Field key={dim} label={dim.charAt(0).toUpperCase() + dim.slice(1)} htmlFor={`label-parcel-${dim}`}>
                      <Input
                        id={`label-parcel-${dim}`}
                        type="number"
                        min={0}
                        step="any"
                        value={parcel[dim]}
                        onChange={(e) => setParcel((p) => ({ ...p, [dim]: e.target.value }))}
                        data-testid={`label-parcel-${dim}`}
                      />
                    </Field>
                  ))}
                  <Field label="Unit" htmlFor="label-parcel-distance-unit">
                    <Select
                      value={parcel.distance_unit}
                      onValueChange={(v) => setParcel((p) => ({ ...p, distance_unit: v as DistanceUnit }))}
                    >
                      <Select.Trigger id="label-parcel-distance-unit" aria-label="Dimension unit">
                        <Select.Value />
                      </Select.Trigger>
                      <Select.Content>
                        {DISTANCE_UNITS.map((u) => (
                          <Select.Item key={u} value={u}>
                            {u}
                          </Select.Item>
                        ))}
                      </Select.Content>
                    </Select>
                  </Field>
                  <Field label="Weight" htmlFor="label-parcel-weight">
                    <Input
                      id="label-parcel-weight"
                      type="number"
                      min={0}
                      step="any"
                      value={parcel.weight}
                      onChange={(e) => setParcel((p) => ({ ...p, weight: e.target.value }))}
                      data-testid="label-parcel-weight"
                    />
                  </Field>
                  <Field label="Unit" htmlFor="label-parcel-mass-unit">
                    <Select value={parcel.mass_unit} onValueChange={(v) => setParcel((p) => ({ ...p, mass_unit: v as MassUnit }))}>
                      <Select.Trigger id="label-parcel-mass-unit" aria-label="Weight unit">
                        <Select.Value />
                      </Select.Trigger>
                      <Select.Content>
                        {MASS_UNITS.map((u) => (
                          <Select.Item key={u} value={u}>
                            {u}
                          </Select.Item>
                        ))}
                      </Select.Content>
                    </Select>
                  </Field>
                </div>
              )}
              {custom && parcelIncomplete && (
                <Hint>Enter the package's length, width, height and weight (all above 0).</Hint>
              )}
              {errorFor("parcels") && (
                <Hint variant="error" data-testid="label-parcels-error">
                  {errorFor("parcels")}
                </Hint>
              )}
            </Section>

            <AddressSection
              id="label-from"
              title="Ship from"
              value={from}
              onChange={setFrom}
              error={addressError(raw, "from")}
            />
            <AddressSection id="label-to" title="Ship to" value={to} onChange={setTo} error={addressError(raw, "to")} />

            <Section title="Options">
              <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
                <Field label="Drop-off date" error={errorFor("shipment_date")} testId="label-shipment-date-field">
                  <DatePicker
                    aria-label="Drop-off date"
                    value={shipDate}
                    onChange={setShipDate}
                    minValue={new Date(new Date().setHours(0, 0, 0, 0))}
                    modal
                  />
                </Field>
                <Field
                  label="Signature confirmation"
                  htmlFor="label-signature"
                  hint={SIGNATURE[signature].description}
                  error={errorFor("signature")}
                >
                  <Select value={signature} onValueChange={(v) => setSignature(v as "none" | SignatureOption)}>
                    <Select.Trigger id="label-signature" aria-label="Signature confirmation" data-testid="label-signature">
                      <Select.Value />
                    </Select.Trigger>
                    <Select.Content>
                      {(Object.keys(SIGNATURE) as (keyof typeof SIGNATURE)[]).map((value) => (
                        <Select.Item key={value} value={value}>
                          {SIGNATURE[value].label}
                        </Select.Item>
                      ))}
                    </Select.Content>
                  </Select>
                </Field>
                <Field
                  label={`Insurance (${defaults.currency_code.toUpperCase()})`}
                  htmlFor="label-insurance"
                  optional
                  hint="The amount to insure the parcel for."
                  error={errorFor("insurance_amount")}
                  testId="label-insurance-field"
                >
                  <Input
                    id="label-insurance"
                    type="number"
                    min={0}
                    step="0.01"
                    value={insurance}
                    onChange={(e) => setInsurance(e.target.value)}
                    aria-invalid={!!errorFor("insurance_amount")}
                    data-testid="label-insurance"
                  />
                </Field>
                <Field
                  label={`Declared value (${defaults.currency_code.toUpperCase()})`}
                  htmlFor="label-declared-value"
                  optional
                  hint={international ? "The value declared to customs." : "The value of the contents."}
                  error={errorFor("declared_value")}
                  testId="label-declared-value-field"
                >
                  <Input
                    id="label-declared-value"
                    type="number"
                    min={0}
                    step="0.01"
                    value={declaredValue}
                    onChange={(e) => setDeclaredValue(e.target.value)}
                    aria-invalid={!!errorFor("declared_value")}
                    data-testid="label-declared-value"
                  />
                </Field>
              </div>
              <div className="flex items-start gap-x-3">
                <Switch
                  id="label-dangerous-goods"
                  checked={dangerousGoods}
                  onCheckedChange={setDangerousGoods}
                  data-testid="label-dangerous-goods"
                />
                <div className="flex flex-col">
                  <Label htmlFor="label-dangerous-goods" size="small" weight="plus">
                    Contains dangerous goods
                  </Label>
                  <Text size="small" className="text-ui-fg-subtle">
                    Batteries, aerosols, flammables… Some services will not carry them.
                  </Text>
                  {errorFor("dangerous_goods") && <Hint variant="error">{errorFor("dangerous_goods")}</Hint>}
                </div>
              </div>
            </Section>

            {international && (
              <Section
                title="Customs"
                description="This shipment crosses a border: declare its contents."
                testId="label-customs-section"
              >
                <Field label="Contents type" htmlFor="label-contents-type">
                  <Select value={contentsType} onValueChange={(v) => setContentsType(v as CustomsContentsType)}>
                    <Select.Trigger id="label-contents-type" aria-label="Contents type" data-testid="label-contents-type">
                      <Select.Value />
                    </Select.Trigger>
                    <Select.Content>
                      {(Object.keys(CUSTOMS_CONTENTS) as CustomsContentsType[]).map((value) => (
                        <Select.Item key={value} value={value}>
                          {CUSTOMS_CONTENTS[value]}
                        </Select.Item>
                      ))}
                    </Select.Content>
                  </Select>
                </Field>
                {chosen.length > 0 && (
                  <ul className="shadow-elevation-card-rest bg-ui-bg-component divide-y rounded-lg">
                    {chosen.map(({ item, quantity }, index) => (
                      <li
                        key={item.line_item_id}
                        className={clx(
                          "grid grid-cols-1 items-end gap-3 px-4 py-3 sm:grid-cols-[minmax(0,1fr)_160px_120px]",
                          customsLineError === index && "bg-ui-bg-highlight"
                        )}
                        data-testid="label-customs-item"
                      >
                        <div className="flex min-w-0 flex-col">
                          <Text size="small" weight="plus" className="truncate">
                            {quantity}× {item.title}
                          </Text>
                          {customsLineError === index && errorFor("customs") && (
                            <Hint variant="error">{errorFor("customs")}</Hint>
                          )}
                        </div>
                        <Input
                          aria-label={`HS code for ${item.title}`}
                          placeholder="HS code"
                          value={customsLines[item.line_item_id]?.hs_code ?? ""}
                          onChange={(e) => setLine(item.line_item_id, { hs_code: e.target.value })}
                          data-testid="label-customs-hs-code"
                        />
                        <Input
                          aria-label={`Country of origin for ${item.title}`}
                          placeholder="Origin (e.g. DE)"
                          maxLength={2}
                          value={customsLines[item.line_item_id]?.origin_country ?? ""}
                          onChange={(e) => setLine(item.line_item_id, { origin_country: e.target.value.toUpperCase() })}
                          data-testid="label-customs-origin"
                        />
                      </li>
                    ))}
                  </ul>
                )}
                {customsLineError === null && errorFor("customs") && (
                  <Hint variant="error" data-testid="label-customs-error">
                    {errorFor("customs")}
                  </Hint>
                )}
              </Section>
            )}
          </div>

          <aside className="flex flex-col gap-y-6 lg:sticky lg:top-0 lg:self-start" data-testid="label-rates-panel">
            <div className="shadow-elevation-card-rest bg-ui-bg-component flex flex-col gap-y-4 rounded-lg p-4">
              <Heading level="h3">Rates</Heading>
              <div className="grid grid-cols-2 gap-3">
                <Field label="Carrier" htmlFor="label-carrier" error={errorFor("carrier")}>
                  <Select value={carrier} onValueChange={setCarrier}>
                    <Select.Trigger id="label-carrier" aria-label="Carrier" data-testid="label-carrier">
                      <Select.Value />
                    </Select.Trigger>
                    <Select.Content>
                      <Select.Item value={ALL}>All carriers</Select.Item>
                      {defaults.carriers.map((c) => (
                        <Select.Item key={c.code} value={c.code}>
                          {c.name}
                          {c.live ? "" : " (sandbox)"}
                        </Select.Item>
                      ))}
                    </Select.Content>
                  </Select>
                </Field>
                <Field label="Label format" htmlFor="label-format" error={errorFor("label_format")}>
                  <Select value={format} onValueChange={(v) => setFormat(v as LabelFormat)}>
                    <Select.Trigger id="label-format" aria-label="Label format" data-testid="label-format">
                      <Select.Value />
                    </Select.Trigger>
                    <Select.Content>
                      {defaults.label_formats.map((f) => (
                        <Select.Item key={f} value={f}>
                          {f}
                        </Select.Item>
                      ))}
                    </Select.Content>
                  </Select>
                </Field>
              </div>
              {defaults.carriers.length === 0 && (
                <InlineTip variant="warning" label="No carriers">
                  No carrier is configured. Add Shippo or EasyPost to the plugin's options.
                </InlineTip>
              )}
              <Button
                type="submit"
                variant="secondary"
                isLoading={getRates.isPending}
                disabled={!canQuote}
                data-testid="label-get-rates"
              >
                {quote ? "Refresh rates" : "Get rates"}
              </Button>

              {quote && (
                <div className="flex flex-col gap-y-3" data-testid="label-rates">
                  {stale && (
                    <InlineTip variant="warning" label="Details changed" data-testid="label-rates-stale">
                      The details changed since these rates were quoted. Get rates again to buy.
                    </InlineTip>
                  )}
                  {quote.result.errors.map((error) => (
                    <Alert key={error.carrier} variant="error" data-testid="label-rate-error" data-carrier={error.carrier}>
                      <span className="font-medium">{carrierName(error.carrier)}:</span> {error.message}
                    </Alert>
                  ))}
                  {rates.length === 0 ? (
                    <Text size="small" className="text-ui-fg-muted" data-testid="label-rates-empty">
                      No rates for these details. Try another package or carrier.
                    </Text>
                  ) : (
                    <RadioGroup
                      value={rateId ?? ""}
                      onValueChange={setRateId}
                      disabled={stale}
                      className="flex flex-col gap-y-2"
                      aria-label="Rates"
                    >
                      {rates.map((r, index) => (
                        <RateOption key={r.rate_id} rate={r} cheapest={index === 0} selected={r.rate_id === rateId} />
                      ))}
                    </RadioGroup>
                  )}
                  {errorFor("rate") && (
                    <Hint variant="error" data-testid="label-rate-field-error">
                      {errorFor("rate")}
                    </Hint>
                  )}
                </div>
              )}
            </div>
          </aside>
        </div>
      </FocusModal.Body>
      <FocusModal.Footer>
        <div className="flex w-full items-center justify-between gap-x-4">
          <Text size="small" className="text-ui-fg-subtle" data-testid="label-buy-summary">
            {rate
              ? `${rate.carrier_name} ${rate.service}: ${formatAmount(rate.amount, rate.currency_code)}`
              : "Choose a rate to buy its label."}
          </Text>
          <div className="flex items-center gap-x-2">
            <FocusModal.Close asChild>
              <Button size="small" variant="secondary" type="button">
                Cancel
              </Button>
            </FocusModal.Close>
            <Button
              size="small"
              type="button"
              onClick={() => void onBuy()}
              isLoading={buy.isPending}
              disabled={!rate}
              data-testid="label-buy"
            >
              Buy label
            </Button>
          </div>
        </div>
      </FocusModal.Footer>
    </form>
  )
}

function RateOption({ rate, cheapest, selected }: { rate: AdminRate; cheapest: boolean; selected: boolean }) {
  const id = `label-rate-${rate.rate_id}`
  const eta = rate.estimated_delivery_at
    ? `Est. delivery ${formatCalendarDay(rate.estimated_delivery_at)}`
    : rate.estimated_days !== null
      ? `${rate.estimated_days} business day${rate.estimated_days === 1 ? "" : "s"}`
      : "No delivery estimate"
  return (
    <label
      htmlFor={id}
      className={clx(
        "shadow-borders-base bg-ui-bg-base hover:bg-ui-bg-base-hover flex cursor-pointer items-center gap-x-3 rounded-lg px-3 py-2.5 transition-fg",
        selected && "shadow-borders-interactive-with-active"
      )}
      data-testid="label-rate"
      data-rate-id={rate.rate_id}
      data-amount={rate.amount}
      data-carrier={rate.carrier}
    >
      <RadioGroup.Item id={id} value={rate.rate_id} aria-label={`${rate.carrier_name} ${rate.service}`} />
      <div className="flex min-w-0 flex-1 flex-col">
        <div className="flex flex-wrap items-center gap-x-2">
          <Text size="small" weight="plus" className="text-ui-fg-base">
            {rate.carrier_name}
          </Text>
          <Text size="small" className="text-ui-fg-subtle">
            {rate.service}
          </Text>
          {cheapest && (
            <Badge size="2xsmall" color="green">
              Cheapest
            </Badge>
          )}
        </div>
        <Text size="xsmall" className="text-ui-fg-muted" data-testid="label-rate-eta">
          {eta}
          {rate.estimated_delivery_at && rate.estimated_days !== null ? ` · ${rate.estimated_days} d` : ""}
        </Text>
      </div>
      <Text size="small" weight="plus" className="text-ui-fg-base whitespace-nowrap" data-testid="label-rate-amount">
        {formatAmount(rate.amount, rate.currency_code)}
      </Text>
    </label>
  )
}

/** Loads the drawer's defaults, then mounts the form with them. */
function CarrierLabelContent({
  orderId,
  data,
  onDone,
}: {
  orderId: string
  data: AdminOrderShipmentsResponse
  onDone: () => void
}) {
  const defaults = useLabelDefaults(orderId)
  if (defaults.isPending) {
    return (
      <FocusModal.Body className="flex flex-1 items-center justify-center" aria-busy="true">
        <FocusModal.Title className="sr-only">Buy a shipping label</FocusModal.Title>
        <Text size="small" className="text-ui-fg-muted">
          Loading carriers and addresses…
        </Text>
      </FocusModal.Body>
    )
  }
  if (defaults.isError) {
    return (
      <FocusModal.Body className="flex flex-1 flex-col items-center justify-center gap-y-3">
        <FocusModal.Title asChild>
          <Heading>Buy a shipping label</Heading>
        </FocusModal.Title>
        <Text size="small" className="text-ui-fg-error" data-testid="carrier-label-load-error">
          Couldn't load the carrier details: {errorMessage(defaults.error)}
        </Text>
        <Button size="small" variant="secondary" onClick={() => defaults.refetch()}>
          Retry
        </Button>
      </FocusModal.Body>
    )
  }
  return <CarrierLabelForm orderId={orderId} data={data} defaults={defaults.data} onDone={onDone} />
}

/**
 * "Create shipment → Carrier label": items, package, addresses, options and
 * customs, the carriers' rates, and buying the chosen one. The bought label
 * becomes a shipment on the order.
 */
export function CarrierLabelModal({
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
    <FocusModal open={open} onOpenChange={onOpenChange}>
      <FocusModal.Content aria-describedby={undefined} data-testid="carrier-label-modal">
        <FocusModal.Header />
        {open && <CarrierLabelContent orderId={orderId} data={data} onDone={() => onOpenChange(false)} />}
      </FocusModal.Content>
    </FocusModal>
  )
}
