import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import Stripe from "stripe"
import { ORDER_ACTIVITY_MODULE } from "../../src/modules/order-activity"
import type OrderActivityModuleService from "../../src/modules/order-activity/service"
import { ORDER_CASE_MODULE } from "../../src/modules/order-case"
import type OrderCaseModuleService from "../../src/modules/order-case/service"
import seedDemo from "../../src/scripts/seed-demo"
import { createDisputeWorkflow } from "../../src/workflows"
import { type Api, type CheckoutPlan, createAdmin, type Headers, placePaidOrder, settle } from "../helpers/fixtures"

jest.setTimeout(300 * 1000)
process.env.MEDUSA_WORKER_MODE = "server"

/** The demo config's signing secret (medusa-config.ts). */
const SECRET = "whsec_order_ops_demo_disputes"
const stripe = new Stripe("sk_test_unused_by_these_tests")
/** Fixed instants far from now: 2041-03-01 and evidence due 2041-03-15. */
const CREATED = Date.UTC(2041, 2, 1) / 1000
const DUE = Date.UTC(2041, 2, 15) / 1000

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api: rawApi, getContainer }) => {
    const api = rawApi as Api
    let container: MedusaContainer
    let admin: Headers & { userId: string }
    let plan: CheckoutPlan
    let variantId: string
    let seq = 0

    const cases = () => container.resolve<OrderCaseModuleService>(ORDER_CASE_MODULE)
    const activity = () => container.resolve<OrderActivityModuleService>(ORDER_ACTIVITY_MODULE)
    const paymentStatus = async (orderId: string) => {
      const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
        entity: "order_status",
        fields: ["payment_status", "dispute_status", "dispute_due_at"],
        filters: { order_id: orderId },
      })
      return data[0] as { payment_status: string; dispute_status: string | null; dispute_due_at: string | null }
    }
    /** A paid order whose payment carries a Stripe PaymentIntent id, as Medusa's Stripe provider stores it. */
    const stripeOrder = async () => {
      const order = await placePaidOrder(container, plan, [{ variant_id: variantId, quantity: 1 }])
      const pi = `pi_test_${++seq}_${order.id.slice(-6)}`
      const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
      await knex("payment").where({ id: order.payment_id }).update({ data: { id: pi, latest_charge: `ch_${pi}` } })
      return { ...order, pi }
    }
    const disputeObject = (id: string, pi: string, status: string, amount = 2900) => ({
      id,
      object: "dispute",
      amount,
      currency: "eur",
      charge: `ch_${pi}`,
      payment_intent: pi,
      reason: "product_not_received",
      status,
      created: CREATED,
      evidence_details: { due_by: DUE },
    })
    const send = (eventId: string, type: string, object: unknown, secret = SECRET) => {
      const payload = JSON.stringify({ id: eventId, object: "event", type, data: { object } })
      const header = stripe.webhooks.generateTestHeaderString({ payload, secret })
      return settle(
        api.post("/hooks/order-ops/stripe/disputes", payload, {
          headers: { "stripe-signature": header, "content-type": "application/json" },
          transformRequest: [(d: unknown) => d],
        })
      )
    }
    const counts = async () => ({
      disputes: (await cases().listDisputes({})).length,
      events: (await cases().listDisputeGatewayEvents({})).length,
    })

    beforeAll(async () => {
      container = getContainer()
      admin = await createAdmin(api, container)
      await seedDemo({ container, args: [] })
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const { data: variants } = await query.graph({ entity: "product_variant", fields: ["id", "sku"] })
      variantId = variants.find((v) => v.sku === "OOPS-TEE-M")!.id as string
      const { data: options } = await query.graph({ entity: "shipping_option", fields: ["id", "name"] })
      const { data: regions } = await query.graph({ entity: "region", fields: ["id", "currency_code"] })
      const { data: channels } = await query.graph({ entity: "sales_channel", fields: ["id"] })
      plan = {
        region_id: (regions.find((r) => r.currency_code === "eur") ?? regions[0]).id as string,
        sales_channel_id: channels[0].id as string,
        shipping_option_ids: [options.find((o) => o.name === "Standard Shipping")!.id as string],
        country_code: "dk",
      }
    })

    describe("Stripe dispute webhook", () => {
      it("a bad signature is a 401 and writes nothing", async () => {
        const order = await stripeOrder()
        const before = await counts()
        const forged = await send("evt_forged", "charge.dispute.created", disputeObject("dp_forged", order.pi, "needs_response"), "whsec_wrong")
        expect(forged.status).toBe(401)
        const unsigned = await settle(api.post("/hooks/order-ops/stripe/disputes", { id: "evt_x", type: "charge.dispute.created" }))
        expect(unsigned.status).toBe(401)
        expect(await counts()).toEqual(before)
      })

      it("created → won: the dispute moves, alerts staff once, and the payment stays paid; a replay writes nothing", async () => {
        const order = await stripeOrder()
        const created = await send("evt_won_1", "charge.dispute.created", disputeObject("dp_won", order.pi, "needs_response"))
        expect(created.status).toBe(200)
        expect(created.data).toMatchObject({ outcome: "applied", replay: false })
        const [dispute] = await cases().listDisputes({ gateway_dispute_id: "dp_won" })
        expect(dispute).toMatchObject({ order_id: order.id, payment_id: order.payment_id, status: "needs_response", reason: "product_not_received", currency_code: "eur" })
        expect(Number(dispute.amount)).toBe(29)
        expect(new Date(dispute.evidence_due_by!).toISOString()).toBe("2041-03-15T00:00:00.000Z")
        expect(await paymentStatus(order.id)).toMatchObject({ payment_status: "paid", dispute_status: "needs_response" })
        const alerts = await container.resolve(Modules.NOTIFICATION).listNotifications({ template: "order-ops-dispute-opened", resource_id: dispute.id })
        expect(alerts).toEqual([expect.objectContaining({ to: "disputes@medusa-order-ops.test" })])

        const before = await counts()
        const replay = await send("evt_won_1", "charge.dispute.created", disputeObject("dp_won", order.pi, "needs_response"))
        expect(replay.data).toMatchObject({ replay: true })
        expect(await counts()).toEqual(before)

        const won = await send("evt_won_2", "charge.dispute.closed", disputeObject("dp_won", order.pi, "won"))
        expect(won.data.outcome).toBe("applied")
        expect(await cases().retrieveDispute(dispute.id)).toMatchObject({ status: "won" })
        expect((await cases().retrieveDispute(dispute.id)).closed_at).not.toBeNull()
        expect(await paymentStatus(order.id)).toMatchObject({ payment_status: "paid", dispute_status: "won", dispute_due_at: null })
        const kinds = (await activity().listOrderActivities({ order_id: order.id })).map((a) => a.kind)
        expect(kinds).toEqual(expect.arrayContaining(["dispute.opened", "dispute.closed"]))
      })

      it("created → lost: the dispute closes lost and the order's payment status becomes Disputed", async () => {
        const order = await stripeOrder()
        await send("evt_lost_1", "charge.dispute.created", disputeObject("dp_lost", order.pi, "needs_response"))
        await send("evt_lost_2", "charge.dispute.updated", disputeObject("dp_lost", order.pi, "under_review"))
        expect((await cases().listDisputes({ gateway_dispute_id: "dp_lost" }))[0].status).toBe("under_review")
        await send("evt_lost_3", "charge.dispute.closed", disputeObject("dp_lost", order.pi, "lost"))
        expect((await cases().listDisputes({ gateway_dispute_id: "dp_lost" }))[0].status).toBe("lost")
        expect(await paymentStatus(order.id)).toMatchObject({ payment_status: "disputed", dispute_status: "lost" })
        // A late event after the close is recorded, not applied.
        const late = await send("evt_lost_4", "charge.dispute.updated", disputeObject("dp_lost", order.pi, "under_review"))
        expect(late.data).toMatchObject({ outcome: "ignored", detail: "status: cannot go from Lost to Under review" })
      })

      it("an event for an unknown payment is recorded as ignored, with no dispute", async () => {
        const before = await counts()
        const res = await send("evt_unknown", "charge.dispute.created", disputeObject("dp_unknown", "pi_nobody", "needs_response"))
        expect(res.status).toBe(200)
        expect(res.data).toMatchObject({ outcome: "ignored", detail: "no payment matches pi_nobody" })
        const [event] = await cases().listDisputeGatewayEvents({ event_id: "evt_unknown" })
        expect(event).toMatchObject({ outcome: "ignored", type: "charge.dispute.created", gateway_dispute_id: "dp_unknown" })
        expect(await counts()).toEqual({ disputes: before.disputes, events: before.events + 1 })
      })
    })

    describe("staff disputes", () => {
      it("bad input is a 400 naming the field, writing nothing", async () => {
        const order = await stripeOrder()
        for (const [body, field] of [
          [{ amount: 10 }, "reason"],
          [{ amount: -1, reason: "fraudulent" }, "amount"],
          [{ amount: 10, reason: "fraudulent", evidence_due_by: "soon" }, "evidence_due_by"],
          [{ amount: 10, reason: "fraudulent", payment_id: "pay_nope" }, "payment_id"],
        ] as const) {
          const res = await settle(api.post(`/admin/orders/${order.id}/disputes`, body, admin))
          expect([field, res.status]).toEqual([field, 400])
          expect(res.data.message).toContain(field)
        }
        expect(await cases().listDisputes({ order_id: order.id })).toHaveLength(0)
        expect((await settle(api.post(`/admin/orders/${order.id}/disputes`, { amount: 10, reason: "fraudulent" }))).status).toBe(401)
      })

      it("records, lists, filters with the due date, and accepting makes the payment Disputed", async () => {
        const order = await stripeOrder()
        const created = await api.post(
          `/admin/orders/${order.id}/disputes`,
          { amount: 29, reason: "fraudulent", evidence_due_by: "2041-04-01T00:00:00Z", notes: "Bank letter" },
          admin
        )
        expect(created.status).toBe(201)
        expect(created.data.dispute).toMatchObject({ status: "needs_response", payment_id: order.payment_id, currency_code: "eur", amount: 29 })
        const listed = await api.get(`/admin/orders/${order.id}/disputes`, admin)
        expect(listed.data.disputes).toHaveLength(1)

        const ops = await api.get(`/admin/order-ops/orders?disputed=true&limit=200`, admin)
        const row = ops.data.orders.find((o: { id: string }) => o.id === order.id)
        expect(row).toMatchObject({ dispute_status: "needs_response" })
        expect(new Date(row.dispute_due_at).toISOString()).toBe("2041-04-01T00:00:00.000Z")
        expect(ops.data.orders.every((o: { dispute_status: string | null }) => o.dispute_status)).toBe(true)

        const id = created.data.dispute.id
        const accepted = await api.post(`/admin/disputes/${id}`, { status: "accepted" }, admin)
        expect(accepted.data.dispute.status).toBe("accepted")
        expect(await paymentStatus(order.id)).toMatchObject({ payment_status: "disputed" })
        const illegal = await settle(api.post(`/admin/disputes/${id}`, { status: "under_review" }, admin))
        expect(illegal.status).toBe(400)
        expect(illegal.data.message).toBe("status: cannot go from Accepted to Under review")
      })

      it("compensation: a failure after the dispute is written removes it", async () => {
        const order = await stripeOrder()
        const spy = jest.spyOn(activity(), "createOrderActivities").mockRejectedValueOnce(new Error("activity store down"))
        const { errors } = await createDisputeWorkflow(container).run({
          input: { order_id: order.id, amount: 5, currency_code: "eur", reason: "other" },
          throwOnError: false,
        })
        spy.mockRestore()
        expect(errors[0].error.message).toContain("activity store down")
        expect(await cases().listDisputes({ order_id: order.id })).toHaveLength(0)
      })
    })
  },
})
