import { MagnifyingGlass, Trash } from "@medusajs/icons"
import { Button, Drawer, Heading, IconButton, Input, Label, Select, Switch, Text, Textarea, toast } from "@medusajs/ui"
import { useRef, useState, type ReactNode } from "react"
import {
  useCreateDeliveryProduct,
  useLicensePools,
  useUpdateDeliveryProduct,
  useUploadFiles,
  useVariantSearch,
} from "../../hooks/digital-delivery"
import { useFieldErrors } from "../../hooks/field-errors"
import {
  DELIVERY_METHODS,
  RCON_PLACEHOLDERS,
  deliveryMethodLabel,
  generateWebhookSecret,
  type AdminDeliveryProduct,
  type DeliveryMethod,
} from "../../lib/digital-delivery"
import { errorMessage } from "../../lib/errors"
import { Field } from "../field"

const FIELDS = [
  "variant_id",
  "method",
  "enabled",
  "settings.file_ids",
  "settings.file_names",
  "settings.link_lifetime_hours",
  "settings.max_downloads",
  "settings.pool_id",
  "settings.url",
  "settings.secret",
  "settings.host",
  "settings.port",
  "settings.password",
  "settings.command",
  "settings.revoke_command",
  "settings.online_only",
  "settings.player_field",
  "settings.bot_token",
  "settings.guild_id",
  "settings.role_id",
  "settings.user_field",
] as const
type FieldName = (typeof FIELDS)[number]

type Draft = {
  variant: { id: string; label: string } | null
  method: DeliveryMethod
  enabled: boolean
  files: { id: string; name: string }[]
  link_lifetime_hours: string
  max_downloads: string
  pool_id: string
  url: string
  secret: string
  host: string
  port: string
  password: string
  command: string
  revoke_command: string
  online_only: boolean
  player_field: string
  bot_token: string
  guild_id: string
  role_id: string
  user_field: string
}

const str = (value: unknown, fallback = "") => (typeof value === "string" ? value : typeof value === "number" ? String(value) : fallback)

function fromProduct(product: AdminDeliveryProduct | null): Draft {
  const s = product?.settings ?? {}
  const names = (s.file_names ?? {}) as Record<string, string>
  return {
    variant: product ? { id: product.variant_id, label: product.title ?? product.variant_id } : null,
    method: product?.method ?? "download",
    enabled: product?.enabled ?? true,
    files: Array.isArray(s.file_ids) ? (s.file_ids as string[]).map((id) => ({ id, name: names[id] ?? id })) : [],
    link_lifetime_hours: str(s.link_lifetime_hours, "72"),
    max_downloads: str(s.max_downloads, "5"),
    pool_id: str(s.pool_id),
    url: str(s.url),
    secret: str(s.secret),
    host: str(s.host),
    port: str(s.port, "25575"),
    password: str(s.password),
    command: str(s.command),
    revoke_command: str(s.revoke_command),
    online_only: s.online_only === true,
    player_field: str(s.player_field),
    bot_token: str(s.bot_token),
    guild_id: str(s.guild_id),
    role_id: str(s.role_id),
    user_field: str(s.user_field),
  }
}

/** The settings object the API expects for the chosen method. Empty optional fields are left out. */
function settingsOf(d: Draft): Record<string, unknown> {
  const num = (v: string) => (v.trim() === "" ? undefined : Number(v))
  const opt = (v: string) => (v.trim() === "" ? undefined : v.trim())
  switch (d.method) {
    case "download":
      return {
        file_ids: d.files.map((f) => f.id),
        file_names: Object.fromEntries(d.files.map((f) => [f.id, f.name])),
        link_lifetime_hours: num(d.link_lifetime_hours),
        max_downloads: num(d.max_downloads),
      }
    case "license_code":
      return { pool_id: d.pool_id }
    case "webhook":
      return { url: d.url.trim(), secret: d.secret.trim() }
    case "rcon":
      return {
        host: d.host.trim(),
        port: num(d.port),
        password: d.password,
        command: d.command.trim(),
        revoke_command: opt(d.revoke_command) ?? null,
        online_only: d.online_only,
        player_field: opt(d.player_field),
      }
    case "discord_role":
      return {
        bot_token: d.bot_token.trim(),
        guild_id: d.guild_id.trim(),
        role_id: d.role_id.trim(),
        user_field: opt(d.user_field),
      }
  }
}

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

function DeliveryProductForm({ product, onDone }: { product: AdminDeliveryProduct | null; onDone: () => void }) {
  const create = useCreateDeliveryProduct()
  const update = useUpdateDeliveryProduct()
  const upload = useUploadFiles()
  const pools = useLicensePools()
  const [draft, setDraft] = useState<Draft>(() => fromProduct(product))
  const server = useFieldErrors(FIELDS)
  const fileInput = useRef<HTMLInputElement>(null)
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }))
  const errorFor = (field: FieldName) => server.errorFor(field)

  const text = (
    key: "link_lifetime_hours" | "max_downloads" | "url" | "secret" | "host" | "port" | "password" | "command" | "revoke_command" | "player_field" | "bot_token" | "guild_id" | "role_id" | "user_field",
    label: string,
    opts: { type?: string; optional?: boolean; hint?: ReactNode; placeholder?: string; mono?: boolean; after?: ReactNode } = {}
  ) => {
    const field = `settings.${key}` as FieldName
    const id = `delivery-product-${key.replace(/_/g, "-")}`
    return (
      <Field label={label} htmlFor={id} optional={opts.optional} hint={opts.hint} error={errorFor(field)} testId={`${id}-field`}>
        <div className="flex items-center gap-x-2">
          <Input
            id={id}
            className={opts.mono ? "flex-1 font-mono" : "flex-1"}
            type={opts.type ?? "text"}
            placeholder={opts.placeholder}
            value={draft[key]}
            onChange={(e) => set(key, e.target.value)}
            aria-invalid={!!errorFor(field)}
            autoComplete="off"
            data-testid={id}
          />
          {opts.after}
        </div>
      </Field>
    )
  }

  const onFiles = async (list: FileList | null) => {
    if (!list?.length) return
    try {
      const files = Array.from(list)
      const { files: uploaded } = await upload.mutateAsync(files)
      set("files", [...draft.files, ...uploaded.map((f, i) => ({ id: f.id, name: files[i]?.name ?? f.id }))])
    } catch (e) {
      toast.error(`Upload failed: ${errorMessage(e)}`)
    } finally {
      if (fileInput.current) fileInput.current.value = ""
    }
  }

  const submit = async () => {
    server.clear()
    const settings = settingsOf(draft)
    try {
      if (product) {
        await update.mutateAsync({ id: product.id, method: draft.method, settings, enabled: draft.enabled })
        toast.success(`${product.title ?? "Delivery product"} saved`)
      } else {
        await create.mutateAsync({ variant_id: draft.variant?.id ?? "", method: draft.method, settings, enabled: draft.enabled })
        toast.success(`${draft.variant?.label ?? "Variant"} is delivered digitally now`)
      }
      onDone()
    } catch (e) {
      server.report(e)
    }
  }

  const secretHint = (key: "secret" | "password" | "bot_token") =>
    product && draft[key].startsWith("••••") ? "Stored and hidden. Leave it as is to keep it, or type a new one." : undefined

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
          <VariantPicker value={draft.variant} onChange={(v) => set("variant", v)} error={errorFor("variant_id")} />
        )}

        <Field label="Delivery method" htmlFor="delivery-product-method" error={errorFor("method")}>
          <Select value={draft.method} onValueChange={(v) => set("method", v as DeliveryMethod)}>
            <Select.Trigger id="delivery-product-method" data-testid="delivery-product-method">
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              {DELIVERY_METHODS.map((m) => (
                <Select.Item key={m} value={m}>
                  {deliveryMethodLabel(m)}
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
        </Field>

        {draft.method === "download" && (
          <>
            <Field
              label="Files"
              hint="The customer gets a download link for each file."
              error={errorFor("settings.file_ids") ?? errorFor("settings.file_names")}
              testId="delivery-product-file-ids-field"
            >
              {draft.files.length > 0 && (
                <ul className="flex flex-col gap-y-1" data-testid="delivery-product-files">
                  {draft.files.map((f) => (
                    <li key={f.id} className="flex items-center justify-between gap-x-2">
                      <Text size="small" className="break-all">
                        {f.name}
                      </Text>
                      <IconButton
                        size="small"
                        variant="transparent"
                        type="button"
                        aria-label={`Remove ${f.name}`}
                        onClick={() => set("files", draft.files.filter((x) => x.id !== f.id))}
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
                <Button
                  size="small"
                  variant="secondary"
                  type="button"
                  isLoading={upload.isPending}
                  onClick={() => fileInput.current?.click()}
                >
                  Upload files…
                </Button>
              </div>
            </Field>
            <div className="grid grid-cols-2 gap-4">
              {text("link_lifetime_hours", "Link lifetime (hours)", { type: "number" })}
              {text("max_downloads", "Downloads per link", { type: "number" })}
            </div>
          </>
        )}

        {draft.method === "license_code" && (
          <Field
            label="License pool"
            htmlFor="delivery-product-pool-id"
            error={errorFor("settings.pool_id")}
            hint={pools.data?.license_pools.length === 0 ? "Create a pool under Settings → License pools first." : "One code per unit ordered comes from this pool."}
            testId="delivery-product-pool-id-field"
          >
            <Select value={draft.pool_id} onValueChange={(v) => set("pool_id", v)}>
              <Select.Trigger id="delivery-product-pool-id" data-testid="delivery-product-pool-id">
                <Select.Value placeholder={pools.isPending ? "Loading pools…" : "Choose a pool"} />
              </Select.Trigger>
              <Select.Content>
                {(pools.data?.license_pools ?? []).map((pool) => (
                  <Select.Item key={pool.id} value={pool.id}>
                    {pool.name} ({pool.counts.available} available)
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
          </Field>
        )}

        {draft.method === "webhook" && (
          <>
            {text("url", "Endpoint URL", { type: "url", placeholder: "https://example.com/hooks/orders" })}
            {text("secret", "Signing secret", {
              mono: true,
              placeholder: "whsec_…",
              hint: secretHint("secret") ?? "Standard Webhooks secret; the receiver verifies each request with it.",
              after: (
                <Button
                  size="small"
                  variant="secondary"
                  type="button"
                  onClick={() => set("secret", generateWebhookSecret())}
                  data-testid="delivery-product-secret-generate"
                >
                  Generate
                </Button>
              ),
            })}
          </>
        )}

        {draft.method === "rcon" && (
          <>
            <div className="grid grid-cols-3 gap-4">
              <div className="col-span-2">{text("host", "Host", { placeholder: "mc.example.com" })}</div>
              {text("port", "Port", { type: "number" })}
            </div>
            {text("password", "RCON password", { type: "password", hint: secretHint("password") })}
            <Field
              label="Command"
              htmlFor="delivery-product-command"
              error={errorFor("settings.command")}
              hint={`Placeholders: ${RCON_PLACEHOLDERS.join(" ")}`}
              testId="delivery-product-command-field"
            >
              <Textarea
                id="delivery-product-command"
                className="font-mono"
                rows={2}
                placeholder="lp user {player} parent add vip"
                value={draft.command}
                onChange={(e) => set("command", e.target.value)}
                aria-invalid={!!errorFor("settings.command")}
                data-testid="delivery-product-command"
              />
            </Field>
            {text("revoke_command", "Revoke command", {
              optional: true,
              mono: true,
              placeholder: "lp user {player} parent remove vip",
              hint: "Run when the order is refunded or canceled.",
            })}
            <div className="flex items-start gap-x-3">
              <Switch
                id="delivery-product-online-only"
                checked={draft.online_only}
                onCheckedChange={(v) => set("online_only", v)}
                data-testid="delivery-product-online-only"
              />
              <div className="flex flex-col">
                <Label htmlFor="delivery-product-online-only" size="small" weight="plus">
                  Only when the player is online
                </Label>
                <Text size="small" className="text-ui-fg-subtle">
                  Waits and retries while the player isn't on the server.
                </Text>
              </div>
            </div>
            {text("player_field", "Player metadata field", {
              optional: true,
              placeholder: "player",
              hint: "The line item metadata key holding the player name. Defaults to “player”.",
            })}
          </>
        )}

        {draft.method === "discord_role" && (
          <>
            {text("bot_token", "Bot token", { type: "password", hint: secretHint("bot_token") })}
            <div className="grid grid-cols-2 gap-4">
              {text("guild_id", "Server (guild) id", { mono: true })}
              {text("role_id", "Role id", { mono: true })}
            </div>
            {text("user_field", "User metadata field", {
              optional: true,
              placeholder: "discord_user_id",
              hint: "The line item metadata key holding the customer's Discord user id.",
            })}
          </>
        )}

        <div className="flex items-start gap-x-3">
          <Switch
            id="delivery-product-enabled"
            checked={draft.enabled}
            onCheckedChange={(v) => set("enabled", v)}
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
          <Button
            size="small"
            type="submit"
            isLoading={create.isPending || update.isPending}
            disabled={upload.isPending}
            data-testid="delivery-product-submit"
          >
            {product ? "Save" : "Create"}
          </Button>
        </div>
      </Drawer.Footer>
    </form>
  )
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
        {open && <DeliveryProductForm key={product?.id ?? "new"} product={product} onDone={() => onOpenChange(false)} />}
      </Drawer.Content>
    </Drawer>
  )
}
