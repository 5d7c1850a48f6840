import { defineRouteConfig } from "@medusajs/admin-sdk"
import { EllipsisHorizontal, PencilSquare, Plus, Trash } from "@medusajs/icons"
import { Button, Container, DropdownMenu, Heading, IconButton, StatusBadge, Table, Text, toast, usePrompt } from "@medusajs/ui"
import { useState } from "react"
import { DeliveryProductDrawer } from "../../../components/digital-delivery/delivery-product-drawer"
import { useDeleteDeliveryProduct, useDeliveryMethods, useDeliveryProducts, useLicensePools } from "../../../hooks/digital-delivery"
import { deliveryMethodLabel, type AdminDeliveryMethodDTO, type AdminDeliveryProduct } from "../../../lib/digital-delivery"
import { errorMessage } from "../../../lib/errors"

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`

/**
 * One line saying how a product is delivered, from its method's settings
 * fields (the server's registry); secrets appear masked, as the API returns them.
 */
function settingsSummary(
  product: AdminDeliveryProduct,
  method: AdminDeliveryMethodDTO | undefined,
  poolName: (id: string) => string | undefined
): string {
  const s = product.settings
  const str = (v: unknown) => (typeof v === "string" || typeof v === "number" ? String(v) : "")
  return (method?.settings_fields ?? [])
    .map((field) => {
      const value = s[field.name]
      if (value === undefined || value === null || value === "") return ""
      switch (field.type) {
        case "files":
        case "list":
          return Array.isArray(value) ? plural(value.length, field.type === "files" ? "file" : "entry") : ""
        case "license_pool":
          return `${field.label}: ${poolName(str(value)) ?? str(value)}`
        case "boolean":
          return value === true ? field.label.toLowerCase() : ""
        case "number":
        case "secret":
          return `${field.label.toLowerCase()} ${str(value)}`
        default:
          return str(value)
      }
    })
    .filter(Boolean)
    .join(" · ")
}

/**
 * Settings → Delivery products: which variants are delivered digitally, how
 * (download, license code, webhook, RCON command, Discord role) and with what settings.
 */
const DeliveryProductsPage = () => {
  const { data, isPending, isError, error, refetch } = useDeliveryProducts()
  const pools = useLicensePools()
  const methods = useDeliveryMethods()
  const methodOf = (code: string) => methods.data?.delivery_methods.find((m) => m.code === code)
  const remove = useDeleteDeliveryProduct()
  const prompt = usePrompt()
  const [drawer, setDrawer] = useState<{ open: boolean; product: AdminDeliveryProduct | null }>({ open: false, product: null })
  const poolName = (id: string) => pools.data?.license_pools.find((p) => p.id === id)?.name

  const onDelete = async (product: AdminDeliveryProduct) => {
    const confirmed = await prompt({
      title: "Stop delivering this variant digitally?",
      description: `New orders of “${product.title ?? product.variant_id}” will get no automatic delivery. Deliveries already made are kept.`,
      confirmText: "Delete",
      cancelText: "Keep it",
    })
    if (!confirmed) return
    try {
      await remove.mutateAsync(product.id)
      toast.success(`${product.title ?? "Delivery product"} deleted`)
    } catch (e) {
      toast.error(errorMessage(e))
    }
  }

  return (
    <Container className="divide-y p-0" data-testid="delivery-products-page">
      <div className="flex items-center justify-between gap-x-4 px-6 py-4">
        <div className="flex flex-col gap-y-1">
          <Heading>Delivery products</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Variants delivered automatically once the order is paid: files, license codes, webhooks, game servers or Discord roles.
          </Text>
        </div>
        <Button
          size="small"
          variant="secondary"
          onClick={() => setDrawer({ open: true, product: null })}
          data-testid="delivery-product-create"
        >
          <Plus />
          Create
        </Button>
      </div>

      {isPending ? (
        <div className="px-6 py-4" aria-busy="true">
          <Text size="small" className="text-ui-fg-muted">
            Loading delivery products…
          </Text>
        </div>
      ) : isError ? (
        <div className="flex items-center justify-between gap-x-4 px-6 py-4">
          <Text size="small" className="text-ui-fg-error">
            Couldn't load delivery products: {errorMessage(error)}
          </Text>
          <Button size="small" variant="secondary" onClick={() => refetch()}>
            Retry
          </Button>
        </div>
      ) : data.delivery_products.length === 0 ? (
        <div className="flex flex-col items-center gap-y-2 px-6 py-10" data-testid="delivery-products-empty">
          <Text size="small" weight="plus">
            No delivery products yet
          </Text>
          <Text size="small" className="text-ui-fg-muted">
            Pick a variant and say how it is delivered.
          </Text>
        </div>
      ) : (
        <Table data-testid="delivery-products-table">
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Product · variant</Table.HeaderCell>
              <Table.HeaderCell>Method</Table.HeaderCell>
              <Table.HeaderCell>Status</Table.HeaderCell>
              <Table.HeaderCell>Settings</Table.HeaderCell>
              <Table.HeaderCell className="w-[1%]" />
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {data.delivery_products.map((product) => (
              <Table.Row key={product.id} data-testid="delivery-product-row" data-product-id={product.id} data-method={product.method}>
                <Table.Cell data-testid="delivery-product-title">{product.title ?? product.variant_id}</Table.Cell>
                <Table.Cell data-testid="delivery-product-method-label">{deliveryMethodLabel(product.method, methods.data?.delivery_methods)}</Table.Cell>
                <Table.Cell>
                  <StatusBadge color={product.enabled ? "green" : "grey"} data-testid="delivery-product-enabled-badge">
                    {product.enabled ? "Enabled" : "Disabled"}
                  </StatusBadge>
                </Table.Cell>
                <Table.Cell className="max-w-[420px]">
                  <Text size="small" className="text-ui-fg-subtle truncate" data-testid="delivery-product-summary" title={settingsSummary(product, methodOf(product.method), poolName)}>
                    {settingsSummary(product, methodOf(product.method), poolName)}
                  </Text>
                </Table.Cell>
                <Table.Cell>
                  <DropdownMenu>
                    <DropdownMenu.Trigger asChild>
                      <IconButton
                        size="small"
                        variant="transparent"
                        aria-label={`Actions for ${product.title ?? product.variant_id}`}
                        data-testid="delivery-product-actions"
                      >
                        <EllipsisHorizontal />
                      </IconButton>
                    </DropdownMenu.Trigger>
                    <DropdownMenu.Content align="end">
                      <DropdownMenu.Item className="gap-x-2" onClick={() => setDrawer({ open: true, product })}>
                        <PencilSquare className="text-ui-fg-subtle" />
                        Edit…
                      </DropdownMenu.Item>
                      <DropdownMenu.Separator />
                      <DropdownMenu.Item className="gap-x-2" onClick={() => void onDelete(product)}>
                        <Trash className="text-ui-fg-subtle" />
                        Delete
                      </DropdownMenu.Item>
                    </DropdownMenu.Content>
                  </DropdownMenu>
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}

      <DeliveryProductDrawer
        product={drawer.product}
        open={drawer.open}
        onOpenChange={(open) => setDrawer((d) => ({ ...d, open }))}
      />
    </Container>
  )
}

export const config = defineRouteConfig({
  label: "Delivery products",
})

/** The dashboard's header shows this in its breadcrumb. */
export const handle = {
  breadcrumb: () => "Delivery products",
}

export default DeliveryProductsPage
