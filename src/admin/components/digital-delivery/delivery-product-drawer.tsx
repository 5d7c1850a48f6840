import { MagnifyingGlass, Trash } from "@medusajs/icons"
import { Button, Drawer, Heading, IconButton, Input, Label, Select, Switch, Text, Textarea, toast } from "@medusajs/ui"
import { useRef, useState } from "react"
import {
  useCreateDeliveryProduct,
  useDeliveryMethods,
  useLicensePools,
  useUpdateDeliveryProduct,
  useUploadFiles,
  useVariantSearch,
} from "../../hooks/digital-delivery"
import { useFieldErrors } from "../../hooks/field-errors"
import {
  SECRET_GENERATORS,
  isMasked,
  type AdminDeliveryMethodDTO,
  type AdminDeliveryProduct,
  type DeliveryMethod,
  type DeliverySettingsField,
} from "../../lib/digital-delivery"
import { errorMessage } from "../../lib/errors"
import { Field } from "../field"

/*
 * The settings form renders from the server's method registry
 * (`GET /admin/delivery-methods`): each method's fields, labels, help,
 * defaults and which are secret. A new method needs no change here.
 */

type FileEntry = { id: string; name: string }
/** A field's value while editing: text for inputs, a flag for switches, a list for uploads. */
type Value = string | boolean | FileEntry[]

type Draft = {
  variant: { id: string; label: string } | null
  method: DeliveryMethod | ""
  enabled: boolean
  /** By method, then field name: switching methods back and forth keeps what was typed. */
  values: Record<string, Record<string, Value>>
}

const str = (value: unknown, fallback = "") => (typeof value === "string" ? value : typeof value === "number" ? String(value) : fallback)

/** The editing value of one field, from stored settings or the field's default. */
function initialValue(field: DeliverySettingsField, settings: Record<string, unknown> | null): Value {
  const stored = settings?.[field.name]
  switch (field.type) {
    case "files": {
      const names = ((field.names_field ? settings?.[field.names_field] : null) ?? {}) as Record<string, string>
      return Array.isArray(stored) ? (stored as string[]).map((id) => ({ id, name: names[id] ?? id })) : []
    }
    case "boolean":
      return typeof stored === "boolean" ? stored : field.default === true
    case "list":
      return Array.isArray(stored) ? stored.map(String).join("\n") : ""
    default:
      return str(stored, field.default === undefined ? "" : String(field.default))
  }
}

function initialValues(method: AdminDeliveryMethodDTO, settings: Record<string, unknown> | null): Record<string, Value> {
  return Object.fromEntries(method.settings_fields.map((f) => [f.name, initialValue(f, settings)]))
}

/** The settings object the API expects for a method. Empty optional fields are left out. */
function settingsOf(method: AdminDeliveryMethodDTO, values: Record<string, Value>): Record<string, unknown> {
  const settings: Record<string, unknown> = {}
  for (const field of method.settings_fields) {
    const value = values[field.name]
    if (field.type === "files") {
      const files = Array.isArray(value) ? value : []
      settings[field.name] = files.map((f) => f.id)
      if (field.names_field) settings[field.names_field] = Object.fromEntries(files.map((f) => [f.id, f.name]))
    } else if (field.type === "boolean") {
      settings[field.name] = value === true
    } else {
      const text = typeof value === "string" ? value.trim() : ""
      if (text === "" && !field.required) continue
      settings[field.name] =
        field.type === "number"
          ? text === "" ? undefined : Number(text)
          : field.type === "list"
            ? text.split(/\r?\n|,/).map((x) => x.trim()).filter(Boolean)
            : text
    }
  }
  return settings
}

/** Every field a server error may name, for every method. */
function errorFields(methods: AdminDeliveryMethodDTO[]): string[] {
  const settings = methods.flatMap((m) => m.settings_fields.flatMap((f) => [f.name, ...(f.names_field ? [f.names_field] : [])]))
  return ["variant_id", "method", "enabled", ...new Set(settings.map((name) => `settings.${name}`))]
}

const fieldId = (name: string) => `delivery-product-${name.replace(/_/g, "-")}`

function VariantPicker({
  value,
  onChange,
  error,
}: {
  value: Draft["variant"]
  onChange: (v: Draft["variant"]) => void
  error: string | null
}) {
  const [q, setQ] = useState("")
  const { data, isFetching } = useVariantSearch(q)
  const variants = (data?.products ?? []).flatMap((p) =>
    (p.variants ?? []).map((v) => ({ id: v.id, label: [p.title, v.title].filter(Boolean).join(" · "), sku: v.sku }))
  )
  return (
    <Field label="Variant" htmlFor="delivery-product-variant-search" error={error} testId="delivery-product-variant-field">
      {value && (
        <Text size="small" weight="plus" data-testid="delivery-product-variant-selected">
          {value.label}
        </Text>
      )}
      <div className="relative">
        <MagnifyingGlass className="text-ui-fg-muted absolute left-2 top-1/2 -translate-y-1/2" />
        <Input
          id="delivery-product-variant-search"
          className="pl-8"
          type="search"
          placeholder="Search products by title or SKU"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          aria-invalid={!!error}
          data-testid="delivery-product-variant-search"
        />
      </div>
      <ul className="border-ui-border-base max-h-56 divide-y overflow-auto rounded-md border" aria-busy={isFetching}>
        {variants.length === 0 ? (
          <li className="px-3 py-2">
            <Text size="small" className="text-ui-fg-muted">
              {isFetching ? "Searching…" : "No variants match."}
            </Text>
          </li>
        ) : (
          variants.map((v) => (
            <li key={v.id}>
              <button
                type="button"
                className={`hover:bg-ui-bg-base-hover flex w-full items-center justify-between gap-x-2 px-3 py-2 text-left ${
                  value?.id === v.id ? "bg-ui-bg-highlight" : ""
                }`}
                aria-pressed={value?.id === v.id}
                onClick={() => onChange({ id: v.id, label: v.label })}
                data-testid="delivery-product-variant-option"
                data-sku={v.sku ?? ""}
              >
                <Text size="small">{v.label}</Text>
                {v.sku && (
                  <Text size="xsmall" className="text-ui-fg-muted font-mono">
                    {v.sku}
                  </Text>
                )}
              </button>
            </li>
          ))
        )}
      </ul>
    </Field>
  )
}

/** One settings field, rendered by its kind. */
function SettingsField({
  field,
  value,
  onChange,
  error,
  stored,
}: {
  field: DeliverySettingsField
  value: Value
  onChange: (value: Value) => void
  error: string | null
  /** Editing a saved product: a masked secret is the stored one. */
  stored: boolean
}) {
  const id = fieldId(field.name)
  const upload = useUploadFiles()
  const pools = useLicensePools()
  const fileInput = useRef<HTMLInputElement>(null)
  const common = { optional: !field.required, error, testId: `${id}-field` }
  const text = typeof value === "string" ? value : ""

  if (field.type === "boolean") {
    return (
      <div className="flex items-start gap-x-3" data-testid={`${id}-field`} data-field-type={field.type}>
        <Switch id={id} checked={value === true} onCheckedChange={(v) => onChange(v)} data-testid={id} />
        <div className="flex flex-col">
          <Label htmlFor={id} size="small" weight="plus">
            {field.label}
          </Label>
          {field.help && (
            <Text size="small" className="text-ui-fg-subtle">
              {field.help}
            </Text>
          )}
        </div>
      </div>
    )
  }

  if (field.type === "files") {
    const files = Array.isArray(value) ? value : []
    const onFiles = async (list: FileList | null) => {
      if (!list?.length) return
      try {
        const picked = Array.from(list)
        const { files: uploaded } = await upload.mutateAsync(picked)
        onChange([...files, ...uploaded.map((f, i) => ({ id: f.id, name: picked[i]?.name ?? f.id }))])
      } catch (e) {
        toast.error(`Upload failed: ${errorMessage(e)}`)
      } finally {
        if (fileInput.current) fileInput.current.value = ""
      }
    }
    return (
      <Field label={field.label} hint={field.help} {...common}>
        {files.length > 0 && (
          <ul className="flex flex-col gap-y-1" data-testid="delivery-product-files">
            {files.map((f) => (
              <li key={f.id} className="flex items-center justify-between gap-x-2">
                <Text size="small" className="break-all">
                  {f.name}
                </Text>
                <IconButton
                  size="small"
                  variant="transparent"
                  type="button"
                  aria-label={`Remove ${f.name}`}
                  onClick={() => onChange(files.filter((x) => x.id !== f.id))}
                >
                  <Trash />
                </IconButton>
              </li>
            ))}
          </ul>
        )}
        <div>
          <input
            ref={fileInput}
            type="file"
            multiple
            className="hidden"
            onChange={(e) => void onFiles(e.target.files)}
            data-testid="delivery-product-file-input"
          />
          <Button size="small" variant="secondary" type="button" isLoading={upload.isPending} onClick={() => fileInput.current?.click()}>
            Upload files…
          </Button>
        </div>
      </Field>
    )
  }

  if (field.type === "license_pool") {
    const list = pools.data?.license_pools ?? []
    return (
      <Field
        label={field.label}
        htmlFor={id}
        hint={pools.data && list.length === 0 ? "Create a pool under Settings → License pools first." : field.help}
        {...common}
      >
        <Select value={text} onValueChange={(v) => onChange(v)}>
          <Select.Trigger id={id} data-testid={id}>
            <Select.Value placeholder={pools.isPending ? "Loading pools…" : "Choose a pool"} />
          </Select.Trigger>
          <Select.Content>
            {list.map((pool) => (
              <Select.Item key={pool.id} value={pool.id}>
                {pool.name} ({pool.counts.available} available)
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
      </Field>
    )
  }

  const mono = field.mono || field.type === "template" || field.type === "secret"
  const hint = field.secret && stored && isMasked(text) ? "Stored and hidden. Leave it as is to keep it, or type a new one." : field.help
  const generate = field.generate ? SECRET_GENERATORS[field.generate] : undefined
  return (
    <Field label={field.label} htmlFor={id} hint={hint} {...common}>
      <div className="flex items-center gap-x-2" data-field-type={field.type}>
        {field.type === "template" || field.type === "list" ? (
          <Textarea
            id={id}
            className={mono ? "flex-1 font-mono" : "flex-1"}
            rows={2}
            placeholder={field.placeholder}
            value={text}
            onChange={(e) => onChange(e.target.value)}
            aria-invalid={!!error}
            data-testid={id}
          />
        ) : (
          <Input
            id={id}
            className={mono ? "flex-1 font-mono" : "flex-1"}
            // A secret the admin generates is shared with the other side (copied to the receiver): shown while typed.
            type={field.type === "secret" && !generate ? "password" : field.type === "number" ? "number" : field.type === "url" ? "url" : "text"}
            placeholder={field.placeholder}
            value={text}
            onChange={(e) => onChange(e.target.value)}
            aria-invalid={!!error}
            autoComplete={field.secret ? "new-password" : "off"}
            data-testid={id}
            data-secret={field.secret ? "true" : undefined}
          />
        )}
        {generate && (
          <Button size="small" variant="secondary" type="button" onClick={() => onChange(generate())} data-testid={`${id}-generate`}>
            Generate
          </Button>
        )}
      </div>
    </Field>
  )
}

function DeliveryProductForm({
  product,
  methods,
  onDone,
}: {
  product: AdminDeliveryProduct | null
  methods: AdminDeliveryMethodDTO[]
  onDone: () => void
}) {
  const create = useCreateDeliveryProduct()
  const update = useUpdateDeliveryProduct()
  const [draft, setDraft] = useState<Draft>(() => {
    const method = methods.find((m) => m.code === product?.method) ?? methods[0]
    return {
      variant: product ? { id: product.variant_id, label: product.title ?? product.variant_id } : null,
      method: method?.code ?? "",
      enabled: product?.enabled ?? true,
      values: method ? { [method.code]: initialValues(method, product?.settings ?? null) } : {},
    }
  })
  const server = useFieldErrors(errorFields(methods))
  const method = methods.find((m) => m.code === draft.method) ?? null
  const values = (method && draft.values[method.code]) ?? {}

  const chooseMethod = (code: string) => {
    const next = methods.find((m) => m.code === code)
    if (!next) return
    setDraft((d) => ({
      ...d,
      method: next.code,
      values: d.values[next.code]
        ? d.values
        : { ...d.values, [next.code]: initialValues(next, product?.method === next.code ? product.settings : null) },
    }))
  }
  const setValue = (name: string, value: Value) =>
    setDraft((d) => (d.method ? { ...d, values: { ...d.values, [d.method]: { ...d.values[d.method], [name]: value } } } : d))

  const submit = async () => {
    server.clear()
    if (!method) return
    const settings = settingsOf(method, values)
    try {
      if (product) {
        await update.mutateAsync({ id: product.id, method: method.code, settings, enabled: draft.enabled })
        toast.success(`${product.title ?? "Delivery product"} saved`)
      } else {
        await create.mutateAsync({ variant_id: draft.variant?.id ?? "", method: method.code, settings, enabled: draft.enabled })
        toast.success(`${draft.variant?.label ?? "Variant"} is delivered digitally now`)
      }
      onDone()
    } catch (e) {
      server.report(e)
    }
  }

  return (
    <form
      className="flex size-full flex-col overflow-hidden"
      data-testid="delivery-product-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault()
        void submit()
      }}
    >
      <Drawer.Body className="flex flex-1 flex-col gap-y-6 overflow-auto">
        {product ? (
          <Field label="Variant">
            <Text size="small" weight="plus" data-testid="delivery-product-variant-selected">
              {product.title ?? product.variant_id}
            </Text>
          </Field>
        ) : (
          <VariantPicker value={draft.variant} onChange={(v) => setDraft((d) => ({ ...d, variant: v }))} error={server.errorFor("variant_id")} />
        )}

        <Field label="Delivery method" htmlFor="delivery-product-method" error={server.errorFor("method")}>
          <Select value={draft.method} onValueChange={chooseMethod}>
            <Select.Trigger id="delivery-product-method" data-testid="delivery-product-method">
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              {methods.map((m) => (
                <Select.Item key={m.code} value={m.code}>
                  {m.label}
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
        </Field>

        {method && (
          <div className="flex flex-col gap-y-6" data-testid="delivery-product-settings" data-method={method.code}>
            {method.settings_fields.map((field) => (
              <SettingsField
                key={`${method.code}:${field.name}`}
                field={field}
                value={values[field.name] ?? initialValue(field, null)}
                onChange={(v) => setValue(field.name, v)}
                error={server.errorFor(`settings.${field.name}`) ?? (field.names_field ? server.errorFor(`settings.${field.names_field}`) : null)}
                stored={!!product && product.method === method.code}
              />
            ))}
          </div>
        )}

        <div className="flex items-start gap-x-3">
          <Switch
            id="delivery-product-enabled"
            checked={draft.enabled}
            onCheckedChange={(v) => setDraft((d) => ({ ...d, enabled: v }))}
            data-testid="delivery-product-enabled"
          />
          <div className="flex flex-col">
            <Label htmlFor="delivery-product-enabled" size="small" weight="plus">
              Enabled
            </Label>
            <Text size="small" className="text-ui-fg-subtle">
              When off, new orders of this variant get no automatic delivery.
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
          <Button size="small" type="submit" isLoading={create.isPending || update.isPending} disabled={!method} data-testid="delivery-product-submit">
            {product ? "Save" : "Create"}
          </Button>
        </div>
      </Drawer.Footer>
    </form>
  )
}

/** Loads the methods, then the form. */
function DeliveryProductFormLoader({ product, onDone }: { product: AdminDeliveryProduct | null; onDone: () => void }) {
  const methods = useDeliveryMethods()
  if (methods.isError) {
    return (
      <Drawer.Body>
        <Text size="small" className="text-ui-fg-error" data-testid="delivery-product-methods-error">
          Could not load the delivery methods: {errorMessage(methods.error)}
        </Text>
      </Drawer.Body>
    )
  }
  if (!methods.data) {
    return (
      <Drawer.Body>
        <Text size="small" className="text-ui-fg-muted">
          Loading delivery methods…
        </Text>
      </Drawer.Body>
    )
  }
  return <DeliveryProductForm product={product} methods={methods.data.delivery_methods} onDone={onDone} />
}

/** Create (product null) or edit a delivery product. */
export function DeliveryProductDrawer({
  product,
  open,
  onOpenChange,
}: {
  product: AdminDeliveryProduct | null
  open: boolean
  onOpenChange: (open: boolean) => void
}) {
  return (
    <Drawer open={open} onOpenChange={onOpenChange}>
      <Drawer.Content aria-describedby={undefined} data-testid="delivery-product-drawer">
        <Drawer.Header>
          <Drawer.Title asChild>
            <Heading>{product ? "Edit delivery product" : "Create delivery product"}</Heading>
          </Drawer.Title>
        </Drawer.Header>
        {open && <DeliveryProductFormLoader key={product?.id ?? "new"} product={product} onDone={() => onOpenChange(false)} />}
      </Drawer.Content>
    </Drawer>
  )
}
