import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ORDER_STATUS_MODULE } from "../../../modules/order-status"
import type OrderStatusModuleService from "../../../modules/order-status/service"
import type { OrderStatusDTO } from "../../../types"
import type { InvoiceSnapshot } from "../pdf/invoice"
import { itemQuantity } from "./load-packing-slip-data"
import { loadDocumentSeller, logoDataUrl } from "../utils/document-seller"

// Query returns loosely typed rows here; every field read below is converted explicitly.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type GraphOrder = Record<string, any>

/**
 * Freezes what an order's invoice shows: seller (Settings → Documents,
 * logo included, so the invoice never changes with the settings), bill-to, line items with
 * their tax lines and the totals as Medusa computed them, the payment
 * status, the test flag. Read-only.
 *
 * @throws MedusaError NOT_FOUND for an unknown order.
 */
export const buildInvoiceSnapshotStep = createStep(
  "order-ops-build-invoice-snapshot",
  async (input: { order_id: string; issued_at: Date | string }, { container }) => {
    const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
      entity: "order",
      fields: [
        "id", "display_id", "created_at", "email", "currency_code",
        "subtotal", "shipping_total", "discount_total", "tax_total", "total",
        "billing_address.*",
        "items.id", "items.title", "items.product_title", "items.variant_title", "items.variant_sku",
        "items.quantity", "items.detail.quantity", "items.unit_price", "items.total", "items.tax_lines.code", "items.tax_lines.rate",
      ],
      filters: { id: input.order_id },
    })
    const order = (data as GraphOrder[])[0]
    if (!order) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order ${input.order_id} was not found`)
    }
    const [status] = (await container
      .resolve<OrderStatusModuleService>(ORDER_STATUS_MODULE)
      .listOrderStatusRows({ order_id: input.order_id }, { take: 1 })) as unknown as OrderStatusDTO[]
    const seller = await loadDocumentSeller(container)
    const a = order.billing_address
    const n = (v: unknown) => Number(v ?? 0)
    const snapshot: InvoiceSnapshot = {
      title: "Invoice",
      test: !!status?.is_test,
      issued_at: new Date(input.issued_at).toISOString(),
      seller: {
        name: seller.name,
        address: seller.address,
        tax_ids: seller.tax_ids,
        logo: seller.logo ? logoDataUrl(seller.logo) : null,
      },
      order: { id: order.id, display_id: order.display_id, created_at: new Date(order.created_at).toISOString(), email: order.email ?? null },
      bill_to: a
        ? [[a.first_name, a.last_name].filter(Boolean).join(" "), a.company, a.address_1, a.address_2, [a.postal_code, a.city].filter(Boolean).join(" "), a.country_code?.toUpperCase()].filter(Boolean)
        : [],
      currency_code: order.currency_code,
      items: (order.items ?? []).map((i: GraphOrder) => ({
        title: [i.product_title ?? i.title, i.variant_title].filter(Boolean).join(" — "),
        sku: i.variant_sku ?? null,
        quantity: itemQuantity(i),
        unit_price: n(i.unit_price),
        tax: (i.tax_lines ?? []).map((t: GraphOrder) => `${t.code ?? ""} ${n(t.rate)}%`.trim()).join(", "),
        total: n(i.total),
      })),
      totals: { subtotal: n(order.subtotal), shipping_total: n(order.shipping_total), discount_total: n(order.discount_total), tax_total: n(order.tax_total), total: n(order.total) },
      payment_status: status?.payment_status ?? "unknown",
    }
    return new StepResponse(snapshot)
  }
)
