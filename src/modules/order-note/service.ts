import {
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MedusaError,
  MedusaService,
} from "@medusajs/framework/utils"
import type { Context } from "@medusajs/framework/types"
import { OrderNote, OrderNoteRevision } from "./models"
import { parsePluginOptions, type PluginOptions } from "../../options"
import type { OrderNoteDTO } from "../../types"

/** What changes when a note is edited. */
export type EditOrderNoteInput = {
  id: string
  body?: string
  visible_to_customer?: boolean
  /** The admin making the edit; kept on the revision. */
  edited_by?: string | null
}

/** Result of {@link OrderNoteModuleService.editOrderNotes}. */
export type EditOrderNotesResult = {
  /** The notes as they were before the edit. */
  before: OrderNoteDTO[]
  /** The notes after the edit. */
  after: OrderNoteDTO[]
  /** Revisions created by this edit (one per note that changed). */
  revision_ids: string[]
}

/**
 * Owns notes and their revisions. The one invariant it keeps beyond CRUD:
 * every edit of a note's text or visibility keeps the replaced version.
 */
class OrderNoteModuleService extends MedusaService({
  OrderNote,
  OrderNoteRevision,
}) {
  protected readonly options_: PluginOptions

  constructor(container: Record<string, unknown>, options: unknown) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    this.options_ = parsePluginOptions(options)
  }

  /** The validated plugin options, defaults filled in. */
  getOptions(): PluginOptions {
    return this.options_
  }

  /**
   * Edits notes, keeping what each replaced as a revision. A note whose
   * text and visibility are unchanged gets no revision.
   *
   * @returns the notes as they were before the edit, for compensation.
   * @throws MedusaError NOT_FOUND when a note does not exist (or is deleted).
   */
  @InjectManager()
  async editOrderNotes(
    input: EditOrderNoteInput[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<EditOrderNotesResult> {
    return await this.editOrderNotes_(input, sharedContext)
  }

  @InjectTransactionManager()
  protected async editOrderNotes_(
    input: EditOrderNoteInput[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<EditOrderNotesResult> {
    const ids = input.map((i) => i.id)
    const existing = (await this.listOrderNotes(
      { id: ids },
      {},
      sharedContext
    )) as unknown as OrderNoteDTO[]
    const byId = new Map(existing.map((note) => [note.id, note]))
    const missing = ids.filter((id) => !byId.has(id))
    if (missing.length) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Order note with id: ${missing.join(", ")} was not found`
      )
    }

    const revisions: {
      note_id: string
      body: string
      visible_to_customer: boolean
      edited_by: string | null
    }[] = []
    const updates: { id: string; body?: string; visible_to_customer?: boolean }[] = []
    for (const change of input) {
      const current = byId.get(change.id)!
      const body = change.body ?? current.body
      const visible = change.visible_to_customer ?? current.visible_to_customer
      if (body === current.body && visible === current.visible_to_customer) {
        continue
      }
      revisions.push({
        note_id: current.id,
        body: current.body,
        visible_to_customer: current.visible_to_customer,
        edited_by: change.edited_by ?? null,
      })
      updates.push({ id: current.id, body, visible_to_customer: visible })
    }

    let revisionIds: string[] = []
    if (revisions.length) {
      const created = await this.createOrderNoteRevisions(revisions, sharedContext)
      revisionIds = created.map((r) => r.id)
      await this.updateOrderNotes(updates, sharedContext)
    }
    const after = (await this.listOrderNotes(
      { id: ids },
      {},
      sharedContext
    )) as unknown as OrderNoteDTO[]
    return { before: existing, after, revision_ids: revisionIds }
  }
}

export default OrderNoteModuleService
