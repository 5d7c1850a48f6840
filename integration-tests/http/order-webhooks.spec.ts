import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { createStep, createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { Webhook } from "standardwebhooks"
import { DIGITAL_DELIVERY_MODULE } from "../../src/modules/digital-delivery"
import type DigitalDeliveryModuleService from "../../src/modules/digital-delivery/service"
import { ORDER_NOTE_MODULE } from "../../src/modules/order-note"
import type OrderNoteModuleService from "../../src/modules/order-note/service"
import { ORDER_WEBHOOK_MODULE } from "../../src/modules/order-webhook"
import type OrderWebhookModuleService from "../../src/modules/order-webhook/service"
import { TEST_ORDER_MODULE } from "../../src/modules/test-order"
import type TestOrderModuleService from "../../src/modules/test-order/service"
import { sweepWebhookDeliveries } from "../../src/workflows/order-webhooks/utils/sweep-webhook-deliveries"
import { createOrderNoteWorkflow } from "../../src/workflows/order-notes/workflows/create-order-note"
import { enqueueOrderWebhookEventsWorkflow, enqueueOrderWebhooks } from "../../src/workflows/order-webhooks/workflows/enqueue-order-webhook-events"
import { sendTestWebhookEventWorkflow } from "../../src/workflows/order-webhooks/workflows/send-test-webhook-event"
import { startOrderWebhookReceiver, type OrderWebhookReceiver } from "../fakes/order-webhook-receiver"
import { type Api, createAdmin, type Headers, settle } from "../helpers/fixtures"

/** A workflow that puts a note's webhook event in the outbox, then fails: the failure-injection case. */
const enqueueThenFailWorkflow = createWorkflow("test-order-webhooks-enqueue-then-fail", (input: { note_id: string }) => {
  enqueueOrderWebhooks(transform({ input }, ({ input }) => [{ source: "note.shared" as const, id: input.note_id }]))
  createStep("test-order-webhooks-fail-after-outbox", async () => {
    throw new Error("injected failure after the outbox step")
  })()
  return new WorkflowResponse(null)
})

// Jobs are not registered in `server` mode: only the test sweeps, with its own clock.
process.env.MEDUSA_WORKER_MODE = "server"

jest.setTimeout(240 * 1000)

type Knex = { raw: (sql: string, bindings?: unknown[]) => Promise<{ rows: Record<string, any>[] }> }

/** The test's clock: far from today. */
const T0 = new Date("2041-03-01T10:00:00.000Z")
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000)

medusaIntegrationTestRunner({
  inApp: true,
  env: { LOG_LEVEL: "error" },
  testSuite: ({ api: rawApi, getContainer }) => {
    const api = rawApi as Api
    let container: MedusaContainer
    let admin: Headers
    let receiver: OrderWebhookReceiver

    const service = () => container.resolve<OrderWebhookModuleService>(ORDER_WEBHOOK_MODULE)
    const sql = async (text: string, bindings: unknown[] = []) =>
      (await container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION).raw(text, bindings)).rows

    const createEndpoint = async (body: Record<string, unknown> = {}) => {
      const { status, data } = await settle(
        api.post("/admin/order-ops/webhooks", { url: receiver.url, events: ["order.placed", "order.received"], ...body }, admin)
      )
      expect({ status, data: status === 201 ? null : data }).toEqual({ status: 201, data: null })
      return data as { webhook_endpoint: { id: string }; secret: string }
    }
    const sendTest = async (endpoint_id: string) =>
      (await sendTestWebhookEventWorkflow(container).run({ input: { endpoint_id, nonce: `${Math.random()}` } })).result.delivery_ids[0]
    const sweep = (now: Date) => sweepWebhookDeliveries(container, { now: () => now })
    const delivery = async (id: string) => (await service().listWebhookDeliveries({ id }))[0]

    beforeAll(async () => {
      container = getContainer()
      receiver = await startOrderWebhookReceiver()
    })
    afterAll(async () => {
      await receiver.close()
    })
    beforeEach(async () => {
      admin = await createAdmin(api, getContainer())
      receiver.requests.length = 0
      receiver.respond_status = 204
      receiver.respond_headers = {}
      receiver.hang = false
    })

    it("creates an endpoint with a whsec_ secret shown once, lists it without secrets, validates input, deletes it", async () => {
      const created = await createEndpoint({ description: "Accounting" })
      expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/=]{40,}$/)
      const list = await api.get("/admin/order-ops/webhooks", admin)
      expect(list.data.count).toBe(1)
      expect(JSON.stringify(list.data)).not.toContain(created.secret)
      expect(list.data.webhook_endpoints[0]).not.toHaveProperty("secret")

      const bad = await settle(api.post("/admin/order-ops/webhooks", { url: receiver.url, events: ["order.nope"] }, admin))
      expect(bad.status).toBe(400)
      expect(bad.data.message).toContain("events")
      const badUrl = await settle(api.post("/admin/order-ops/webhooks", { url: "ftp://example.com/x", events: ["order.placed"] }, admin))
      expect(badUrl.status).toBe(400)
      expect(badUrl.data.message).toContain("https")
      const extra = await settle(api.post("/admin/order-ops/webhooks", { url: receiver.url, events: ["order.placed"], secret: "mine" }, admin))
      expect(extra.status).toBe(400)
      expect((await api.get("/admin/order-ops/webhooks", admin)).data.count).toBe(1)

      const id = created.webhook_endpoint.id
      const updated = await api.post(`/admin/order-ops/webhooks/${id}`, { enabled: false }, admin)
      expect(updated.data.webhook_endpoint.enabled).toBe(false)
      expect(updated.data.secret).toBeNull()
      expect((await api.delete(`/admin/order-ops/webhooks/${id}`, admin)).status).toBe(200)
      expect((await settle(api.get(`/admin/order-ops/webhooks/${id}`, admin))).status).toBe(404)
      expect((await settle(api.get(`/admin/order-ops/webhooks/whep_missing`, admin))).status).toBe(404)
    })

    it("publishes the catalogue as JSON Schema", async () => {
      const { data } = await api.get("/admin/order-ops/webhooks/events", admin)
      const received = data.event_types.find((t: { type: string }) => t.type === "order.received")
      expect(received.version).toBe(1)
      expect(received.schema.properties.data.required).toEqual(expect.arrayContaining(["order_reference", "display_id", "is_test"]))
    })

    it("signs per Standard Webhooks: the receiver verifies with the library; a tampered body or wrong secret fails; a rotated secret verifies with either key", async () => {
      const { webhook_endpoint, secret } = await createEndpoint()
      await sendTest(webhook_endpoint.id)
      await sweep(T0)
      expect(receiver.requests).toHaveLength(1)
      const [req] = receiver.requests
      const payload = new Webhook(secret).verify(req.raw_body, req.headers) as { type: string; data: { endpoint_id: string } }
      expect(payload).toMatchObject({ type: "webhook.test", data: { endpoint_id: webhook_endpoint.id } })
      expect(() => new Webhook(secret).verify(req.raw_body.replace("test event", "test evenT"), req.headers)).toThrow()
      const other = `whsec_${Buffer.from("another-secret-of-thirty-two-b!!").toString("base64")}`
      expect(() => new Webhook(other).verify(req.raw_body, req.headers)).toThrow()

      const rotated = await api.post(`/admin/order-ops/webhooks/${webhook_endpoint.id}`, { rotate_secret: true }, admin)
      expect(rotated.data.secret).toMatch(/^whsec_/)
      expect(rotated.data.secret).not.toBe(secret)
      expect(rotated.data.webhook_endpoint.rotation_in_progress).toBe(true)
      await sendTest(webhook_endpoint.id)
      await sweep(T0)
      const second = receiver.requests[1]
      expect(second.headers["webhook-signature"].split(" ")).toHaveLength(2)
      expect(new Webhook(secret).verify(second.raw_body, second.headers)).toBeTruthy()
      expect(new Webhook(rotated.data.secret).verify(second.raw_body, second.headers)).toBeTruthy()
    })

    it("retries on the schedule stored in the database with the same webhook-id, then fails; the log shows every attempt", async () => {
      const { webhook_endpoint } = await createEndpoint()
      receiver.respond_status = 500
      const id = await sendTest(webhook_endpoint.id)
      const schedule = [5, 300, 1800, 7200, 18000, 36000, 36000]
      let t = 0
      expect((await sweep(at(t))).attempted).toBe(1)
      for (const wait of schedule) {
        expect((await delivery(id)).next_attempt_at).toEqual(at(t + wait))
        expect((await sweep(at(t + wait - 1))).attempted).toBe(0)
        t += wait
        expect((await sweep(at(t))).attempted).toBe(1)
      }
      const done = await delivery(id)
      expect(done).toMatchObject({ status: "failed", attempt_count: 8, next_attempt_at: null, last_status_code: 500 })
      expect(new Set(receiver.requests.map((r) => r.headers["webhook-id"]))).toEqual(new Set([id]))
      expect(receiver.requests).toHaveLength(8)

      const log = await api.get(`/admin/order-ops/webhooks/${webhook_endpoint.id}/deliveries`, admin)
      expect(log.data.deliveries[0].attempts.map((a: { attempt: number }) => a.attempt)).toEqual([1, 2, 3, 4, 5, 6, 7, 8])
      expect(log.data.deliveries[0].attempts[0]).toMatchObject({ status_code: 500, response_body: "answer", outcome: "retry" })

      // Resend: the same webhook-id again.
      receiver.respond_status = 200
      const resend = await api.post(`/admin/order-ops/webhooks/${webhook_endpoint.id}/deliveries/${id}/resend`, {}, admin)
      expect(resend.data.requeued).toEqual([id])
      await sweepWebhookDeliveries(container)
      expect((await delivery(id)).status).toBe("succeeded")
      expect(receiver.requests.at(-1)!.headers["webhook-id"]).toBe(id)
    })

    it("honours Retry-After on 429 (longer than the step) and keeps the schedule when it is shorter", async () => {
      const { webhook_endpoint } = await createEndpoint()
      receiver.respond_status = 429
      receiver.respond_headers = { "retry-after": "120" }
      const id = await sendTest(webhook_endpoint.id)
      await sweep(T0)
      expect((await delivery(id)).next_attempt_at).toEqual(at(120))
      receiver.respond_status = 503
      receiver.respond_headers = { "retry-after": "1" }
      await sweep(at(120))
      expect((await delivery(id)).next_attempt_at).toEqual(at(120 + 300))
    })

    it("410 disables the endpoint; nothing more is sent to it", async () => {
      const { webhook_endpoint } = await createEndpoint()
      receiver.respond_status = 410
      const first = await sendTest(webhook_endpoint.id)
      await sweep(T0)
      const { data } = await api.get(`/admin/order-ops/webhooks/${webhook_endpoint.id}`, admin)
      expect(data.webhook_endpoint).toMatchObject({ enabled: false, disabled_reason: expect.stringContaining("410") })
      expect((await delivery(first)).status).toBe("failed")
      const second = await sendTest(webhook_endpoint.id)
      expect((await sweep(at(3600))).attempted).toBe(0)
      expect((await delivery(second)).attempt_count).toBe(0)
      expect(receiver.requests).toHaveLength(1)
    })

    it("an endpoint failing for 5 days in a row is disabled", async () => {
      const { webhook_endpoint } = await createEndpoint()
      receiver.respond_status = 500
      await sendTest(webhook_endpoint.id)
      await sweep(T0)
      expect((await service().listWebhookEndpoints({ id: webhook_endpoint.id }))[0].failing_since).toEqual(T0)
      await sendTest(webhook_endpoint.id)
      await sweep(at(5 * 24 * 3600 - 60))
      expect((await service().listWebhookEndpoints({ id: webhook_endpoint.id }))[0].enabled).toBe(true)
      await sendTest(webhook_endpoint.id)
      await sweep(at(5 * 24 * 3600))
      const [endpoint] = await service().listWebhookEndpoints({ id: webhook_endpoint.id })
      expect(endpoint).toMatchObject({ enabled: false, disabled_reason: expect.stringContaining("5 days") })
    })

    it("a hanging endpoint holds only its own slots: the healthy endpoint's deliveries all arrive while it hangs", async () => {
      const hanging = await startOrderWebhookReceiver()
      hanging.hang = true
      try {
        const slow = (await api.post("/admin/order-ops/webhooks", { url: hanging.url, events: ["order.placed"], max_in_flight: 2 }, admin)).data
        const { webhook_endpoint: healthy } = await createEndpoint()
        for (let i = 0; i < 6; i++) await sendTest(slow.webhook_endpoint.id)
        const healthyIds: string[] = []
        for (let i = 0; i < 20; i++) healthyIds.push(await sendTest(healthy.id))
        // Every lease call is slow, so the healthy endpoint's batch finishes while the sweep is leasing:
        // the sweep must notice and lease again, not wait for the hanging endpoint's batch.
        const realLease = service().leaseDueDeliveries.bind(service())
        const lease = jest.spyOn(service(), "leaseDueDeliveries").mockImplementation(async (...args) => {
          const leased = await realLease(...args)
          await new Promise((r) => setTimeout(r, 150))
          return leased
        })
        const run = sweep(T0)
        while (receiver.requests.length < 20) await new Promise((r) => setTimeout(r, 25))
        lease.mockRestore()
        // Every healthy delivery succeeded while the hanging endpoint's first requests were still open.
        const hangingAttempts = await sql(`select count(*)::int as n from webhook_attempt where endpoint_id = ?`, [slow.webhook_endpoint.id])
        expect(hangingAttempts[0].n).toBe(0)
        expect(hanging.requests).toHaveLength(2)
        await run
        expect((await service().listWebhookDeliveries({ id: healthyIds })).every((d) => d.status === "succeeded")).toBe(true)
      } finally {
        await hanging.close()
      }
    })

    it("the sweep leases in batches: one lease call takes work for every idle worker; each delivery is sent once", async () => {
      const { webhook_endpoint } = await createEndpoint({ max_in_flight: 50 })
      const ids: string[] = []
      for (let i = 0; i < 12; i++) ids.push(await sendTest(webhook_endpoint.id))
      const lease = jest.spyOn(service(), "leaseDueDeliveries")
      try {
        expect((await sweep(T0)).attempted).toBe(12)
        // Every worker (concurrency 20) is idle at the start: the first call asks for all of them.
        expect(lease.mock.calls[0][0].limit).toBe(service().getOptions().webhooks.concurrency)
        expect(lease.mock.calls.length).toBeLessThan(12)
      } finally {
        lease.mockRestore()
      }
      expect(receiver.requests.map((r) => r.headers["webhook-id"]).sort()).toEqual([...ids].sort())
      expect((await service().listWebhookDeliveries({ id: ids })).every((d) => d.status === "succeeded")).toBe(true)
    })

    it("a batch keeps going on its endpoint: it leases that endpoint's next deliveries itself, never more than max_in_flight live, each sent once", async () => {
      const { webhook_endpoint } = await createEndpoint({ max_in_flight: 2 })
      const ids: string[] = []
      for (let i = 0; i < 7; i++) ids.push(await sendTest(webhook_endpoint.id))
      const realLease = service().leaseDueDeliveries.bind(service())
      const live: number[] = []
      const lease = jest.spyOn(service(), "leaseDueDeliveries").mockImplementation(async (...args) => {
        const leased = await realLease(...args)
        const [row] = await sql(`select count(*)::int as n from webhook_delivery where endpoint_id = ? and status = 'pending' and locked_until >= ?`, [
          webhook_endpoint.id,
          T0,
        ])
        live.push(row.n)
        return leased
      })
      try {
        expect((await sweep(T0)).attempted).toBe(7)
        // The batch of 2 went on by itself: later leases name its endpoint.
        expect(lease.mock.calls.filter((c) => c[0].endpoint_id === webhook_endpoint.id).length).toBeGreaterThanOrEqual(3)
      } finally {
        lease.mockRestore()
      }
      expect(Math.max(...live)).toBeLessThanOrEqual(2)
      expect(receiver.requests.map((r) => r.headers["webhook-id"]).sort()).toEqual([...ids].sort())
      expect((await service().listWebhookDeliveries({ id: ids })).every((d) => d.status === "succeeded")).toBe(true)
    })

    it("records a batch in one write: a delivery whose lease was taken over is left alone, the others are recorded; each endpoint's batch is one workflow", async () => {
      const { webhook_endpoint: a } = await createEndpoint({ max_in_flight: 50 })
      const { webhook_endpoint: b } = await createEndpoint({ max_in_flight: 50 })
      const ids = [await sendTest(a.id), await sendTest(a.id), await sendTest(b.id)]
      const record = jest.spyOn(service(), "recordAttempts")
      const load = jest.spyOn(service(), "loadDeliveriesForAttempt")
      try {
        expect((await sweep(T0)).attempted).toBe(3)
        // One load and one write per endpoint's batch, never one per delivery.
        expect(load.mock.calls.map((c) => c[0].length).sort()).toEqual([1, 2])
        expect(record.mock.calls.map((c) => c[0].length).sort()).toEqual([1, 2])
      } finally {
        record.mockRestore()
        load.mockRestore()
      }
      expect((await service().listWebhookDeliveries({ id: ids })).every((d) => d.status === "succeeded")).toBe(true)

      // Lease lost: another worker took the second delivery over (its token moved on) before the write.
      receiver.respond_status = 500
      const [first, second] = [await sendTest(a.id), await sendTest(a.id)]
      const leased = await service().leaseDueDeliveries({ now: T0, limit: 10, lease_seconds: 60, delivery_ids: [first, second] })
      await sql(`update webhook_delivery set lease_token = lease_token + 1 where id = ?`, [second])
      const recorded = await service().recordAttempts(
        leased.map((l) => ({
          delivery_id: l.id,
          lease_token: l.lease_token,
          attempt: 1,
          status_code: 500,
          duration_ms: 3,
          response_body: "nope",
          error: null,
          outcome: "retry" as const,
          next_attempt_at: at(5),
          now: T0,
          disable_endpoint_reason: null,
        }))
      )
      expect(Object.fromEntries(leased.map((l, i) => [l.id, recorded[i]]))).toEqual({ [first]: true, [second]: false })
      const rows = await sql(`select id, attempt_count, locked_until from webhook_delivery where id in (?, ?) order by id`, [first, second])
      expect(Object.fromEntries(rows.map((r) => [r.id, r.attempt_count]))).toEqual({ [first]: 1, [second]: 0 })
      const attempts = await sql(`select delivery_id from webhook_attempt where delivery_id in (?, ?)`, [first, second])
      expect(attempts.map((r) => r.delivery_id)).toEqual([first])
      expect((await service().listWebhookEndpoints({ id: a.id }))[0].failing_since).toEqual(T0)
    })

    it("test orders reach only endpoints that opted in, flagged is_test; enqueueing twice adds nothing", async () => {
      const optedOut = await createEndpoint()
      const optedIn = await createEndpoint({ include_test_orders: true })
      const [order] = await container.resolve(Modules.ORDER).createOrders([
        { currency_code: "eur", email: "test@example.com", items: [{ title: "Mug", quantity: 1, unit_price: 10 }] },
      ])
      await container.resolve<TestOrderModuleService>(TEST_ORDER_MODULE).createTestOrders({ order_id: order.id, payment_state: "unpaid" })
      const first = await enqueueOrderWebhookEventsWorkflow(container).run({ input: { source: "order.placed", id: order.id } })
      expect(first.result.delivery_ids).toHaveLength(1)
      const again = await enqueueOrderWebhookEventsWorkflow(container).run({ input: { source: "order.placed", id: order.id } })
      expect(again.result.delivery_ids).toEqual([])
      await sweep(T0)
      expect(await service().listWebhookDeliveries({ endpoint_id: optedOut.webhook_endpoint.id })).toEqual([])
      expect(receiver.requests).toHaveLength(1)
      const body = new Webhook(optedIn.secret).verify(receiver.requests[0].raw_body, receiver.requests[0].headers) as {
        type: string
        data: Record<string, unknown>
      }
      expect(body.type).toBe("order.placed")
      expect(body.data).toMatchObject({ is_test: true, email: "test@example.com", total: 10 })
      expect(body.data.order_reference).toMatch(/^oref_[0-9a-z]{26}$/)
      expect(receiver.requests[0].raw_body).not.toContain(order.id)
    })

    it("note.shared carries the shared note only, delivery.delivered the digital item; internal notes never leave", async () => {
      const { secret } = await createEndpoint({ events: ["note.shared", "delivery.delivered"] })
      const [order] = await container.resolve(Modules.ORDER).createOrders([
        { currency_code: "eur", email: "notes@example.com", items: [{ title: "E-book", quantity: 1, unit_price: 5 }] },
      ])
      const notes = container.resolve<OrderNoteModuleService>(ORDER_NOTE_MODULE)
      const [internal, shared] = await notes.createOrderNotes([
        { order_id: order.id, body: "INTERNAL: customer is difficult", visible_to_customer: false, author_id: null },
        { order_id: order.id, body: "Your parcel leaves tomorrow", visible_to_customer: true, author_id: null },
      ])
      const none = await enqueueOrderWebhookEventsWorkflow(container).run({ input: { source: "note.shared", id: internal.id } })
      expect(none.result.delivery_ids).toEqual([])
      await enqueueOrderWebhookEventsWorkflow(container).run({ input: { source: "note.shared", id: shared.id } })
      const [delivery] = await container.resolve<DigitalDeliveryModuleService>(DIGITAL_DELIVERY_MODULE).createDeliveries([
        { order_id: order.id, line_item_id: "item_bench_1", method: "download", title: "E-book", quantity: 1, idempotency_key: `dd_${order.id}` },
      ])
      await enqueueOrderWebhookEventsWorkflow(container).run({ input: { source: "delivery.delivered", id: delivery.id } })
      await sweep(T0)
      const bodies = receiver.requests.map((r) => new Webhook(secret).verify(r.raw_body, r.headers) as { type: string; data: Record<string, unknown> })
      expect(bodies.map((b) => b.type).sort()).toEqual(["delivery.delivered", "note.shared"])
      expect(bodies.find((b) => b.type === "note.shared")!.data).toMatchObject({ content: "Your parcel leaves tomorrow", is_test: false })
      expect(bodies.find((b) => b.type === "delivery.delivered")!.data).toMatchObject({ title: "E-book", quantity: 1, method: "download" })
      expect(receiver.requests.map((r) => r.raw_body).join()).not.toContain("INTERNAL")
    })

    it("a plugin workflow puts its change's events in the outbox as one of its steps: rolled back when a later step fails, written once when it succeeds", async () => {
      const { secret } = await createEndpoint({ events: ["note.shared"] })
      const [order] = await container.resolve(Modules.ORDER).createOrders([
        { currency_code: "eur", email: "outbox@example.com", items: [{ title: "Mug", quantity: 1, unit_price: 10 }] },
      ])
      const outbox = async () =>
        sql(
          `select e."type", count(d."id")::int as "deliveries" from "webhook_event" e
           left join "webhook_delivery" d on d."event_id" = e."id" and d."deleted_at" is null
           where e."order_id" = ? and e."deleted_at" is null group by e."type"`,
          [order.id]
        )
      const [note] = await container
        .resolve<OrderNoteModuleService>(ORDER_NOTE_MODULE)
        .createOrderNotes([{ order_id: order.id, body: "Packed with care", visible_to_customer: true, author_id: null }])

      // Failure injected after the outbox step: its compensation removes what it wrote.
      const { errors } = await enqueueThenFailWorkflow(container).run({ input: { note_id: note.id }, throwOnError: false })
      expect(errors.map((e) => e.error.message)).toEqual(["injected failure after the outbox step"])
      expect(await outbox()).toEqual([])

      // The note workflow writes its note.shared event with the note, one delivery per endpoint.
      const { result: created } = await createOrderNoteWorkflow(container).run({
        input: { order_id: order.id, body: "Your parcel leaves tomorrow", visible_to_customer: true },
      })
      expect(await outbox()).toEqual([{ type: "note.shared", deliveries: 1 }])
      // An internal note writes nothing.
      await createOrderNoteWorkflow(container).run({ input: { order_id: order.id, body: "INTERNAL: check stock", visible_to_customer: false } })
      expect(await outbox()).toEqual([{ type: "note.shared", deliveries: 1 }])
      await sweep(T0)
      expect(receiver.requests).toHaveLength(1)
      const body = new Webhook(secret).verify(receiver.requests[0].raw_body, receiver.requests[0].headers) as { type: string; data: Record<string, unknown> }
      expect(body).toMatchObject({ type: "note.shared", data: { content: "Your parcel leaves tomorrow", is_test: false } })
      expect(created.visible_to_customer).toBe(true)
    })

    it("a change no enabled endpoint subscribes to writes nothing to the outbox", async () => {
      await createEndpoint({ events: ["order.refunded"] })
      await createEndpoint({ events: ["note.shared"], enabled: false })
      const [order] = await container.resolve(Modules.ORDER).createOrders([
        { currency_code: "eur", email: "nobody@example.com", items: [{ title: "Mug", quantity: 1, unit_price: 10 }] },
      ])
      const { result } = await createOrderNoteWorkflow(container).run({
        input: { order_id: order.id, body: "Shared, but nobody listens", visible_to_customer: true },
      })
      expect(result.visible_to_customer).toBe(true)
      expect(await sql(`select "id" from "webhook_event" where "order_id" = ?`, [order.id])).toEqual([])
      expect(await sql(`select "id" from "webhook_order_reference" where "order_id" = ?`, [order.id])).toEqual([])
    })

    it("replays every failed delivery since a time under the same ids", async () => {
      const { webhook_endpoint } = await createEndpoint()
      receiver.respond_status = 410
      const id = await sendTest(webhook_endpoint.id)
      await sweep(T0)
      await api.post(`/admin/order-ops/webhooks/${webhook_endpoint.id}`, { enabled: true }, admin)
      receiver.respond_status = 204
      const bad = await settle(api.post(`/admin/order-ops/webhooks/${webhook_endpoint.id}/replay`, { since: "yesterday-ish" }, admin))
      expect(bad.status).toBe(400)
      const { data } = await api.post(`/admin/order-ops/webhooks/${webhook_endpoint.id}/replay`, { since: "2000-01-01T00:00:00Z" }, admin)
      expect(data.requeued).toEqual([id])
      await sweep(at(10))
      expect((await delivery(id)).status).toBe("succeeded")
      expect(receiver.requests.map((r) => r.headers["webhook-id"])).toEqual([id, id])
    })
  },
})
