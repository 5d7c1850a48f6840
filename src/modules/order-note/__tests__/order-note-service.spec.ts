import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { MedusaError } from "@medusajs/framework/utils"
import { ORDER_NOTE_MODULE } from ".."
import { OrderNote, OrderNoteRevision } from "../models"
import type OrderNoteModuleService from "../service"

jest.setTimeout(60 * 1000)

moduleIntegrationTestRunner<OrderNoteModuleService>({
  moduleName: ORDER_NOTE_MODULE,
  resolve: "./src/modules/order-note",
  moduleModels: [OrderNote, OrderNoteRevision],
  moduleOptions: { notes: { max_length: 1000 } },
  testSuite: ({ service }) => {
    describe("OrderNoteModuleService", () => {
      it("validates and exposes the plugin options", () => {
        expect(service.getOptions().notes.max_length).toBe(1000)
        expect(service.getOptions().notes.notify_customer).toBe(true)
      })

      it("creates internal notes by default", async () => {
        const note = await service.createOrderNotes({ order_id: "order_1", body: "Gift wrap", author_id: "user_1" })
        expect(note).toMatchObject({ order_id: "order_1", body: "Gift wrap", visible_to_customer: false })
        expect(note.id).toMatch(/^onote_/)
      })

      it("keeps the replaced text as a revision on every real edit", async () => {
        const note = await service.createOrderNotes({ order_id: "order_1", body: "v1", author_id: "user_1" })

        const first = await service.editOrderNotes([{ id: note.id, body: "v2", edited_by: "user_2" }])
        expect(first.after[0].body).toBe("v2")
        expect(first.before[0].body).toBe("v1")
        expect(first.revision_ids).toHaveLength(1)

        await service.editOrderNotes([{ id: note.id, visible_to_customer: true, edited_by: "user_3" }])

        const revisions = await service.listOrderNoteRevisions({ note_id: note.id }, { order: { created_at: "ASC" } })
        expect(revisions.map((r) => [r.body, r.visible_to_customer, r.edited_by])).toEqual([
          ["v1", false, "user_2"],
          ["v2", false, "user_3"],
        ])
        const current = await service.retrieveOrderNote(note.id)
        expect(current).toMatchObject({ body: "v2", visible_to_customer: true })
      })

      it("writes no revision when nothing changes", async () => {
        const note = await service.createOrderNotes({ order_id: "order_1", body: "same" })
        const result = await service.editOrderNotes([{ id: note.id, body: "same", visible_to_customer: false }])
        expect(result.revision_ids).toEqual([])
        expect(await service.listOrderNoteRevisions({ note_id: note.id })).toHaveLength(0)
      })

      it("refuses to edit a note that does not exist or is deleted", async () => {
        const note = await service.createOrderNotes({ order_id: "order_1", body: "soon gone" })
        await service.softDeleteOrderNotes([note.id])
        for (const id of [note.id, "onote_missing"]) {
          const error = await service.editOrderNotes([{ id, body: "x" }]).catch((e) => e)
          expect(error).toBeInstanceOf(MedusaError)
          expect(error.type).toBe(MedusaError.Types.NOT_FOUND)
        }
      })

      it("soft-deletes a note with its revisions and can restore them", async () => {
        const note = await service.createOrderNotes({ order_id: "order_2", body: "a" })
        await service.editOrderNotes([{ id: note.id, body: "b" }])
        await service.softDeleteOrderNotes([note.id])
        expect(await service.listOrderNotes({ order_id: "order_2" })).toHaveLength(0)
        expect(await service.listOrderNoteRevisions({ note_id: note.id })).toHaveLength(0)
        expect(await service.listOrderNotes({ order_id: "order_2" }, { withDeleted: true })).toHaveLength(1)

        await service.restoreOrderNotes([note.id])
        expect(await service.listOrderNotes({ order_id: "order_2" })).toHaveLength(1)
        expect(await service.listOrderNoteRevisions({ note_id: note.id })).toHaveLength(1)
      })
    })
  },
})

describe("OrderNoteModuleService options", () => {
  it("refuses to load with an invalid option, naming it", () => {
    // The module constructor validates; Medusa calls it at startup.
    const Service = jest.requireActual("../service").default
    expect(() => new Service({}, { notes: { max_length: -1 } })).toThrow(/notes\.max_length/)
  })
})
