import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ORDER_ACTIVITY_MODULE } from "../../src/modules/order-activity"
import { ORDER_NOTE_MODULE } from "../../src/modules/order-note"
import type OrderActivityModuleService from "../../src/modules/order-activity/service"
import type OrderNoteModuleService from "../../src/modules/order-note/service"
import {
  createOrderNoteWorkflow,
  deleteOrderNoteWorkflow,
  updateOrderNoteWorkflow,
} from "../../src/workflows"
import {
  type Api,
  createAdmin,
  createCustomer,
  createPlainOrder,
  createPublishableKey,
  type Headers,
  settle,
} from "../helpers/fixtures"

jest.setTimeout(120 * 1000)


medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api: rawApi, getContainer }) => {
    const api = rawApi as Api
    let container: MedusaContainer
    let admin: Headers & { userId: string }
    let order: { id: string }
    let otherOrder: { id: string }

    const notesService = () => container.resolve<OrderNoteModuleService>(ORDER_NOTE_MODULE)
    const activityService = () => container.resolve<OrderActivityModuleService>(ORDER_ACTIVITY_MODULE)

    beforeEach(async () => {
      container = getContainer()
      admin = await createAdmin(api, container)
      order = await createPlainOrder(container)
      otherOrder = await createPlainOrder(container, { email: "other@example.com" })
    })

    describe("authentication", () => {
      it.each([
        ["get", "notes"],
        ["post", "notes"],
        ["get", "timeline"],
      ])("refuses %s /admin/orders/:id/%s without an admin (401)", async (method, path) => {
        const url = `/admin/orders/${order.id}/${path}`
        const res = await settle(method === "get" ? api.get(url) : api.post(url, { body: "x" }))
        expect(res.status).toBe(401)
        expect(await notesService().listOrderNotes({})).toHaveLength(0)
      })

      it("refuses a customer token on admin routes", async () => {
        const pk = await createPublishableKey(container)
        const customer = await createCustomer(api, pk, "sneaky@example.com")
        const res = await settle(api.post(`/admin/orders/${order.id}/notes`, { body: "x" }, customer))
        expect(res.status).toBe(401)
      })
    })

    describe("POST /admin/orders/:id/notes", () => {
      it("adds a note as the logged-in admin, trimmed and internal by default", async () => {
        const res = await api.post(`/admin/orders/${order.id}/notes`, { body: "  Gift wrap, please  " }, admin)
        expect(res.status).toBe(201)
        expect(res.data.note).toMatchObject({
          order_id: order.id,
          body: "Gift wrap, please",
          visible_to_customer: false,
          author_id: admin.userId,
          author: { id: admin.userId, email: "admin@order-ops.test", first_name: "Ada" },
          revisions: [],
        })

        const activity = await activityService().listOrderActivities({ order_id: order.id })
        expect(activity).toEqual([
          expect.objectContaining({
            kind: "note.created",
            actor_type: "user",
            actor_id: admin.userId,
            resource_id: res.data.note.id,
            data: { excerpt: "Gift wrap, please", visible_to_customer: false },
          }),
        ])
      })

      it.each([
        ["an empty body", { body: "" }, "body"],
        ["a blank body", { body: "   \n " }, "body"],
        ["an oversized body", { body: "x".repeat(5001) }, "body"],
        ["no body", {}, "body"],
        ["a non-string body", { body: 42 }, "body"],
        ["a non-boolean visibility", { body: "ok", visible_to_customer: "yes" }, "visible_to_customer"],
        ["an unknown field", { body: "ok", pinned: true }, "pinned"],
      ])("refuses %s with a 400 naming the field, writing nothing", async (_label, body, field) => {
        const res = await settle(api.post(`/admin/orders/${order.id}/notes`, body, admin))
        expect(res.status).toBe(400)
        expect(res.data.type).toBe("invalid_data")
        expect(res.data.message).toContain(field)
        expect(await notesService().listOrderNotes({})).toHaveLength(0)
        expect(await activityService().listOrderActivities({})).toHaveLength(0)
      })

      it("accepts exactly 5,000 characters", async () => {
        const res = await api.post(`/admin/orders/${order.id}/notes`, { body: "y".repeat(5000) }, admin)
        expect(res.status).toBe(201)
        expect(res.data.note.body).toHaveLength(5000)
      })

      it("is a 404 for an unknown order, writing nothing", async () => {
        const res = await settle(api.post(`/admin/orders/order_missing/notes`, { body: "hi" }, admin))
        expect(res.status).toBe(404)
        expect(await notesService().listOrderNotes({})).toHaveLength(0)
      })
    })

    describe("GET /admin/orders/:id/notes", () => {
      it("lists only this order's notes, newest first, paginated", async () => {
        for (const body of ["first", "second", "third"]) {
          await api.post(`/admin/orders/${order.id}/notes`, { body }, admin)
        }
        await api.post(`/admin/orders/${otherOrder.id}/notes`, { body: "elsewhere" }, admin)

        const all = await api.get(`/admin/orders/${order.id}/notes`, admin)
        expect(all.data.count).toBe(3)
        expect(all.data.notes.map((n: { body: string }) => n.body)).toEqual(["third", "second", "first"])

        const page = await api.get(`/admin/orders/${order.id}/notes?limit=1&offset=1`, admin)
        expect(page.data).toMatchObject({ count: 3, limit: 1, offset: 1 })
        expect(page.data.notes.map((n: { body: string }) => n.body)).toEqual(["second"])
      })

      it("is a 404 for an unknown order and a 400 for a bad page size", async () => {
        expect((await settle(api.get(`/admin/orders/order_missing/notes`, admin))).status).toBe(404)
        const bad = await settle(api.get(`/admin/orders/${order.id}/notes?limit=0`, admin))
        expect(bad.status).toBe(400)
        expect(bad.data.message).toContain("limit")
      })
    })

    describe("editing and deleting", () => {
      let noteId: string
      beforeEach(async () => {
        const res = await api.post(`/admin/orders/${order.id}/notes`, { body: "Call before delivery" }, admin)
        noteId = res.data.note.id
      })

      it("edits a note and keeps the previous text as a revision", async () => {
        const res = await api.post(
          `/admin/orders/${order.id}/notes/${noteId}`,
          { body: "Call after 5pm" },
          admin
        )
        expect(res.status).toBe(200)
        expect(res.data.note.body).toBe("Call after 5pm")
        expect(res.data.note.revisions).toEqual([
          expect.objectContaining({ body: "Call before delivery", edited_by: admin.userId }),
        ])

        await api.post(`/admin/orders/${order.id}/notes/${noteId}`, { body: "Call after 6pm" }, admin)
        const one = await api.get(`/admin/orders/${order.id}/notes/${noteId}`, admin)
        expect(one.data.note.revisions.map((r: { body: string }) => r.body)).toEqual([
          "Call after 5pm",
          "Call before delivery",
        ])
        const kinds = (await activityService().listOrderActivities({ order_id: order.id })).map((a) => a.kind)
        expect(kinds.sort()).toEqual(["note.created", "note.updated", "note.updated"])
      })

      it("an edit that changes nothing writes nothing", async () => {
        await api.post(`/admin/orders/${order.id}/notes/${noteId}`, { body: "  Call before delivery " }, admin)
        expect(await notesService().listOrderNoteRevisions({})).toHaveLength(0)
        expect(await activityService().listOrderActivities({ kind: "note.updated" })).toHaveLength(0)
      })

      it.each([
        ["an empty body", { body: " " }, "body"],
        ["an oversized body", { body: "z".repeat(5001) }, "body"],
        ["nothing to change", {}, "body"],
        ["an unknown field", { text: "x" }, "text"],
      ])("refuses %s with a 400 naming the field, writing nothing", async (_l, body, field) => {
        const res = await settle(api.post(`/admin/orders/${order.id}/notes/${noteId}`, body, admin))
        expect(res.status).toBe(400)
        expect(res.data.message).toContain(field)
        expect((await notesService().retrieveOrderNote(noteId)).body).toBe("Call before delivery")
        expect(await notesService().listOrderNoteRevisions({})).toHaveLength(0)
      })

      it("deletes a note: gone from the list and the note URL, recorded on the timeline", async () => {
        const res = await api.delete(`/admin/orders/${order.id}/notes/${noteId}`, admin)
        expect(res.data).toEqual({ id: noteId, object: "order_note", deleted: true })
        expect((await api.get(`/admin/orders/${order.id}/notes`, admin)).data.count).toBe(0)
        expect((await settle(api.get(`/admin/orders/${order.id}/notes/${noteId}`, admin))).status).toBe(404)
        expect((await settle(api.delete(`/admin/orders/${order.id}/notes/${noteId}`, admin))).status).toBe(404)
        const deleted = await activityService().listOrderActivities({ kind: "note.deleted" })
        expect(deleted).toEqual([
          expect.objectContaining({ resource_id: noteId, actor_id: admin.userId, data: expect.objectContaining({ excerpt: "Call before delivery" }) }),
        ])
      })

      it("a note reached through another order's URL is a 404 and is left alone", async () => {
        const base = `/admin/orders/${otherOrder.id}/notes/${noteId}`
        expect((await settle(api.get(base, admin))).status).toBe(404)
        expect((await settle(api.post(base, { body: "hijack" }, admin))).status).toBe(404)
        expect((await settle(api.delete(base, admin))).status).toBe(404)
        expect((await notesService().retrieveOrderNote(noteId)).body).toBe("Call before delivery")
        expect(await activityService().listOrderActivities({ order_id: otherOrder.id })).toHaveLength(0)
      })

      it("an unknown note is a 404", async () => {
        const res = await settle(api.post(`/admin/orders/${order.id}/notes/onote_missing`, { body: "x" }, admin))
        expect(res.status).toBe(404)
      })
    })

    describe("notes visible to the customer", () => {
      let pk: string
      let owner: Headers & { customerId: string }
      let stranger: Headers & { customerId: string }
      let ownOrder: { id: string }

      beforeEach(async () => {
        pk = await createPublishableKey(container)
        owner = await createCustomer(api, pk, "owner@example.com")
        stranger = await createCustomer(api, pk, "stranger@example.com")
        ownOrder = await createPlainOrder(container, { customer_id: owner.customerId, email: "owner@example.com" })
      })

      it("shows only customer-visible notes to the order's own customer and notifies them", async () => {
        await api.post(`/admin/orders/${ownOrder.id}/notes`, { body: "internal: fraud check passed" }, admin)
        const visible = await api.post(
          `/admin/orders/${ownOrder.id}/notes`,
          { body: "Your parcel leaves on Monday", visible_to_customer: true },
          admin
        )

        const res = await api.get(`/store/orders/${ownOrder.id}/notes`, owner)
        expect(res.data.notes).toEqual([
          { id: visible.data.note.id, body: "Your parcel leaves on Monday", created_at: expect.any(String), updated_at: expect.any(String) },
        ])
        expect(JSON.stringify(res.data)).not.toContain("fraud")

        const notifications = container.resolve(Modules.NOTIFICATION)
        await waitFor(async () => (await notifications.listNotifications({ to: "owner@example.com" })).length > 0)
        const sent = await notifications.listNotifications({ to: "owner@example.com" })
        expect(sent).toEqual([
          expect.objectContaining({
            channel: "email",
            template: "order-ops-note-visible",
            resource_id: visible.data.note.id,
            data: expect.objectContaining({ note_body: "Your parcel leaves on Monday", order_id: ownOrder.id }),
          }),
        ])
        await waitFor(async () => (await activityService().listOrderActivities({ kind: "note.customer_notified" })).length > 0)
      })

      it("notifies when an internal note is made visible, and only then", async () => {
        const created = await api.post(`/admin/orders/${ownOrder.id}/notes`, { body: "We restocked" }, admin)
        const notifications = container.resolve(Modules.NOTIFICATION)
        expect(await notifications.listNotifications({ to: "owner@example.com" })).toHaveLength(0)

        await api.post(`/admin/orders/${ownOrder.id}/notes/${created.data.note.id}`, { visible_to_customer: true }, admin)
        await waitFor(async () => (await notifications.listNotifications({ to: "owner@example.com" })).length === 1)
        // A later edit of an already-visible note is not a new announcement.
        await api.post(`/admin/orders/${ownOrder.id}/notes/${created.data.note.id}`, { body: "We restocked today" }, admin)
        await new Promise((r) => setTimeout(r, 500))
        expect(await notifications.listNotifications({ to: "owner@example.com" })).toHaveLength(1)
      })

      it("another customer's order is a 404, and so is an unknown one", async () => {
        await api.post(`/admin/orders/${ownOrder.id}/notes`, { body: "hello", visible_to_customer: true }, admin)
        expect((await settle(api.get(`/store/orders/${ownOrder.id}/notes`, stranger))).status).toBe(404)
        expect((await settle(api.get(`/store/orders/order_missing/notes`, owner))).status).toBe(404)
      })

      it("needs a logged-in customer", async () => {
        const res = await settle(
          api.get(`/store/orders/${ownOrder.id}/notes`, { headers: { "x-publishable-api-key": pk } })
        )
        expect(res.status).toBe(401)
      })
    })

    describe("compensation", () => {
      it("a failure after the note is written removes the note", async () => {
        const spy = jest
          .spyOn(activityService(), "createOrderActivities")
          .mockRejectedValueOnce(new Error("activity store down"))
        const { errors } = await createOrderNoteWorkflow(container).run({
          input: { order_id: order.id, body: "will be rolled back", author_id: admin.userId },
          throwOnError: false,
        })
        spy.mockRestore()
        expect(errors[0].error.message).toContain("activity store down")
        expect(await notesService().listOrderNotes({}, { withDeleted: true })).toHaveLength(0)
      })

      it("a failure after an edit puts the old text back and drops the revision", async () => {
        const { result: note } = await createOrderNoteWorkflow(container).run({
          input: { order_id: order.id, body: "original" },
        })
        const spy = jest
          .spyOn(activityService(), "createOrderActivities")
          .mockRejectedValueOnce(new Error("activity store down"))
        const { errors } = await updateOrderNoteWorkflow(container).run({
          input: { order_id: order.id, note_id: note.id, body: "edited", visible_to_customer: true },
          throwOnError: false,
        })
        spy.mockRestore()
        expect(errors).toHaveLength(1)
        expect(await notesService().retrieveOrderNote(note.id)).toMatchObject({
          body: "original",
          visible_to_customer: false,
        })
        expect(await notesService().listOrderNoteRevisions({ note_id: note.id })).toHaveLength(0)
      })

      it("a failure after a delete restores the note", async () => {
        const { result: note } = await createOrderNoteWorkflow(container).run({
          input: { order_id: order.id, body: "keep me" },
        })
        const spy = jest
          .spyOn(activityService(), "createOrderActivities")
          .mockRejectedValueOnce(new Error("activity store down"))
        const { errors } = await deleteOrderNoteWorkflow(container).run({
          input: { order_id: order.id, note_id: note.id },
          throwOnError: false,
        })
        spy.mockRestore()
        expect(errors).toHaveLength(1)
        expect((await notesService().retrieveOrderNote(note.id)).deleted_at).toBeNull()
      })
    })
  },
})

async function waitFor(check: () => Promise<boolean>, timeoutMs = 10000): Promise<void> {
  const started = Date.now()
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) {
      throw new Error("condition not met in time")
    }
    await new Promise((r) => setTimeout(r, 100))
  }
}
