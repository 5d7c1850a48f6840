import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules, PaymentEvents } from "@medusajs/framework/utils"
import { createOrderPaymentCollectionWorkflow, markPaymentCollectionAsPaid, refundPaymentWorkflow } from "@medusajs/medusa/core-flows"
import { extractText, getDocumentProxy } from "unpdf"
import { ORDER_DOCUMENT_MODULE } from "../../src/modules/order-document"
import type OrderDocumentModuleService from "../../src/modules/order-document/service"
import { ORDER_STATUS_MODULE } from "../../src/modules/order-status"
import type OrderStatusModuleService from "../../src/modules/order-status/service"
import type { OrderStatusDTO } from "../../src/types"
import { TEST_ORDER_MODULE } from "../../src/modules/test-order"
import type TestOrderModuleService from "../../src/modules/test-order/service"
import creditNoteOnRefund from "../../src/subscribers/credit-note-on-refund"
import { refreshOrderStatusWorkflow } from "../../src/workflows/order-status/workflows/refresh-order-status"
import { type Api, createAdmin, type Headers, settle } from "../helpers/fixtures"

process.env.MEDUSA_WORKER_MODE = "server"

jest.setTimeout(300 * 1000)

medusaIntegrationTestRunner({
  inApp: true,
  env: { LOG_LEVEL: "error" },
  testSuite: ({ api: rawApi, getContainer }) => {
    const api = rawApi as Api
    let container: MedusaContainer
    let admin: Headers & { userId: string }

    const pdf = async (url: string) => Buffer.from((await api.get(url, { ...admin, responseType: "arraybuffer" })).data)
    const textOf = async (bytes: Buffer) => {
      const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true })
      return text as string
    }
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

    /** Flags an order as a test order, the way the plugin's test orders are. */
    const markTest = async (orderId: string) => {
      await container.resolve<TestOrderModuleService>(TEST_ORDER_MODULE).createTestOrders({ order_id: orderId, payment_state: "paid" })
      const statuses = container.resolve<OrderStatusModuleService>(ORDER_STATUS_MODULE)
      const rows = (await statuses.listOrderStatusRows({ order_id: orderId })) as unknown as OrderStatusDTO[]
      await statuses.updateOrderStatusRows(rows.map((r) => ({ id: r.id, is_test: true })))
    }

    beforeAll(async () => {
      container = getContainer()
      admin = await createAdmin(api, container, "credit-notes-admin@order-ops.test")
    })

    it("a refund on an invoiced order issues a credit note against the invoice, stored and immutable; a redelivered event issues no second one", async () => {
      const { order, payment_id } = await paidOrder("refunded@example.com")
      const invoice = (await api.post(`/admin/orders/${order.id}/invoice`, {}, admin)).data.invoice
      await refundPaymentWorkflow(container).run({ input: { payment_id, amount: 7.5, note: "Chipped handle" } })
      await deliver(creditNoteOnRefund, PaymentEvents.REFUNDED, { id: payment_id })
      // Redelivered, and racing a second delivery.
      await Promise.all([
        deliver(creditNoteOnRefund, PaymentEvents.REFUNDED, { id: payment_id }),
        deliver(creditNoteOnRefund, PaymentEvents.REFUNDED, { id: payment_id }),
      ])

      const { data } = await api.get(`/admin/orders/${order.id}/invoice`, admin)
      expect(data.invoice.id).toBe(invoice.id)
      expect(data.credit_notes).toHaveLength(1)
      const note = data.credit_notes[0]
      expect(note).toMatchObject({ kind: "credit_note", series: "live", number: 1, display_number: "CN-000001", amount: 7.5, currency_code: "eur" })
      const first = await pdf(note.file_url)
      const text = await textOf(first)
      for (const expected of ["Credit note", "CN-000001", `Credits invoice ${invoice.display_number}`, "Chipped handle", "7.50 EUR", "Zoë Ørsted"]) {
        expect(text).toContain(expected)
      }
      expect((await pdf(note.file_url)).equals(first)).toBe(true)

      // A second refund: its own credit note, the next number of the credit-note series.
      await refundPaymentWorkflow(container).run({ input: { payment_id, amount: 2 } })
      await deliver(creditNoteOnRefund, PaymentEvents.REFUNDED, { id: payment_id })
      const again = (await api.get(`/admin/orders/${order.id}/invoice`, admin)).data
      expect(again.credit_notes.map((c: { display_number: string; amount: number }) => [c.display_number, c.amount])).toEqual([
        ["CN-000001", 7.5],
        ["CN-000002", 2],
      ])
      // The invoice series is untouched.
      expect(again.invoice.display_number).toBe("INV-000001")
    })

    it("a refund on an order without an invoice issues nothing; a test order's credit note is TEST and from its own series", async () => {
      const plain = await paidOrder("no-invoice@example.com")
      await refundPaymentWorkflow(container).run({ input: { payment_id: plain.payment_id, amount: 1 } })
      await deliver(creditNoteOnRefund, PaymentEvents.REFUNDED, { id: plain.payment_id })
      expect(await container.resolve<OrderDocumentModuleService>(ORDER_DOCUMENT_MODULE).listOrderCreditNotes(plain.order.id)).toEqual([])
      expect((await settle(api.get(`/admin/orders/${plain.order.id}/invoice`, admin))).status).toBe(404)

      const test = await paidOrder("test-order@example.com")
      await markTest(test.order.id)
      await api.post(`/admin/orders/${test.order.id}/invoice`, {}, admin)
      await refundPaymentWorkflow(container).run({ input: { payment_id: test.payment_id, amount: 3 } })
      await deliver(creditNoteOnRefund, PaymentEvents.REFUNDED, { id: test.payment_id })
      const { data } = await api.get(`/admin/orders/${test.order.id}/invoice`, admin)
      expect(data.credit_notes.map((c: { display_number: string }) => c.display_number)).toEqual(["TEST-CN-000001"])
      const text = await textOf(await pdf(data.credit_notes[0].file_url))
      expect(text).toContain("TEST Credit note")
      expect(text).toContain("NOT A VALID CREDIT NOTE")
    })

    const sentTo = async (to: string) => container.resolve(Modules.NOTIFICATION).listNotifications({ to })

    it("Send to customer emails the invoice each time asked (issuing it first), once per key; 400 without an email, for a test order's real customer and for a bad body", async () => {
      const email = "send-me@example.com"
      const { order } = await paidOrder(email)
      const first = await api.post(`/admin/orders/${order.id}/invoice/send`, { idempotency_key: "click-1" }, admin)
      expect(first.data).toMatchObject({ sent: true, invoice: { display_number: "INV-000001" } })
      const retried = await api.post(`/admin/orders/${order.id}/invoice/send`, { idempotency_key: "click-1" }, admin)
      expect(retried.data.sent).toBe(false)
      await api.post(`/admin/orders/${order.id}/invoice/send`, {}, admin)
      const sent = await sentTo(email)
      // documents.invoice_on_capture is off here: only the two asked for.
      expect(sent).toHaveLength(2)
      expect(sent.every((n) => n.template === "order-ops-invoice-issued" && n.resource_id === first.data.invoice.id)).toBe(true)

      const bad = await settle(api.post(`/admin/orders/${order.id}/invoice/send`, { idempotency_key: 5 }, admin))
      expect(bad.status).toBe(400)
      expect(JSON.stringify(bad.data)).toContain("idempotency_key")

      const anonymous = await paidOrder(undefined)
      const noEmail = await settle(api.post(`/admin/orders/${anonymous.order.id}/invoice/send`, {}, admin))
      expect(noEmail.status).toBe(400)
      expect(noEmail.data.message).toContain("no email address")

      const test = await paidOrder("real-customer@example.com")
      await markTest(test.order.id)
      const refused = await settle(api.post(`/admin/orders/${test.order.id}/invoice/send`, {}, admin))
      expect(refused.status).toBe(400)
      expect(await sentTo("real-customer@example.com")).toHaveLength(0)
      expect((await settle(api.post("/admin/orders/order_nope/invoice/send", {}, admin))).status).toBe(404)
    })
  },
})
