import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules, PaymentEvents } from "@medusajs/framework/utils"
import { createOrderPaymentCollectionWorkflow, markPaymentCollectionAsPaid } from "@medusajs/medusa/core-flows"
import invoiceOnPaymentCaptured from "../../src/subscribers/invoice-on-payment-captured"
import { saveNotificationSettingsWorkflow } from "../../src/workflows/order-ops-settings/workflows/save-notification-settings"
import { refreshOrderStatusWorkflow } from "../../src/workflows/order-status/workflows/refresh-order-status"
import { type Api, createAdmin, type Headers } from "../helpers/fixtures"

process.env.MEDUSA_WORKER_MODE = "server"
// Invoices on capture (medusa-config.ts reads it; each spec file has its own process.env).
process.env.ORDER_OPS_INVOICE_ON_CAPTURE = "true"

jest.setTimeout(300 * 1000)

medusaIntegrationTestRunner({
  inApp: true,
  env: { LOG_LEVEL: "error" },
  testSuite: ({ api: rawApi, getContainer }) => {
    const api = rawApi as Api
    let container: MedusaContainer
    let admin: Headers & { userId: string }

    type Handler = (args: { event: { name: string; data: unknown }; container: MedusaContainer; pluginOptions: Record<string, unknown> }) => Promise<void>
    const deliver = async (handler: unknown, name: string, data: unknown) =>
      (handler as Handler)({ event: { name, data }, container, pluginOptions: {} })

    /** A paid order (40 EUR captured through the system provider) and its payment id. */
    const paidOrder = async (email: string | undefined) => {
      const [order] = await container.resolve(Modules.ORDER).createOrders([
        {
          currency_code: "eur",
          email,
          billing_address: { first_name: "Zoë", last_name: "Ørsted", address_1: "Kastrupvej 1", city: "København", postal_code: "2300", country_code: "dk" },
          items: [{ title: "Crème brûlée mug", variant_sku: "MUG-1", quantity: 2, unit_price: 20 }],
        },
      ])
      await refreshOrderStatusWorkflow(container).run({ input: { order_ids: [order.id] } })
      const { result: collections } = await createOrderPaymentCollectionWorkflow(container).run({ input: { order_id: order.id, amount: 40 } })
      const { result: payment } = await markPaymentCollectionAsPaid(container).run({
        input: { order_id: order.id, payment_collection_id: collections[0].id },
      })
      return { order, payment_id: payment!.id as string }
    }

    beforeAll(async () => {
      container = getContainer()
      admin = await createAdmin(api, container, "credit-notes-admin@order-ops.test")
    })

    const sentTo = async (to: string) => container.resolve(Modules.NOTIFICATION).listNotifications({ to })

    it("with documents.invoice_on_capture on, a capture issues the invoice and emails it once, also when the event comes again or twice at once", async () => {
      const email = "captured@example.com"
      const { order, payment_id } = await paidOrder(email)
      // The subscriber also runs on its own for the capture above: every delivery races it.
      await deliver(invoiceOnPaymentCaptured, PaymentEvents.CAPTURED, { id: payment_id })
      await Promise.all([
        deliver(invoiceOnPaymentCaptured, PaymentEvents.CAPTURED, { id: payment_id }),
        deliver(invoiceOnPaymentCaptured, PaymentEvents.CAPTURED, { id: payment_id }),
      ])
      const { data } = await api.get(`/admin/orders/${order.id}/invoice`, admin)
      expect(data.invoice).toMatchObject({ kind: "invoice", display_number: "INV-000001" })
      const sent = await sentTo(email)
      expect(sent).toHaveLength(1)
      expect(sent[0]).toMatchObject({
        template: "order-ops-invoice-issued",
        channel: "email",
        trigger_type: "order_ops.invoice.issued",
        resource_type: "invoice",
        resource_id: data.invoice.id,
        data: expect.objectContaining({
          order_id: order.id,
          invoice_id: data.invoice.id,
          invoice_number: "INV-000001",
          total: 40,
          currency_code: "eur",
          file_url: expect.any(String),
        }),
      })
      const { data: timeline } = await api.get(`/admin/orders/${order.id}/timeline?kind=invoice.customer_notified`, admin)
      expect(timeline.timeline).toHaveLength(1)
    })

    it("the automatic email follows the Invoice issued switch; the invoice is issued anyway", async () => {
      await saveNotificationSettingsWorkflow(container).run({ input: { customer: { invoice_issued: { enabled: false } } } })
      const email = "switched-off@example.com"
      const { order, payment_id } = await paidOrder(email)
      await deliver(invoiceOnPaymentCaptured, PaymentEvents.CAPTURED, { id: payment_id })
      expect((await api.get(`/admin/orders/${order.id}/invoice`, admin)).data.invoice.display_number).toBe("INV-000001")
      expect(await sentTo(email)).toHaveLength(0)
    })

  },
})
