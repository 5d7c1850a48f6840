import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createOrderNoteWorkflow } from "../../../../../workflows/order-notes/workflows/create-order-note"
import { assertOrderExists, refetchOrderNote, sortRevisions } from "../../helpers"
import { ADMIN_ORDER_NOTE_FIELDS } from "../../query-config"
import type {
  AdminCreateOrderNoteType,
  AdminGetOrderNotesParamsType,
} from "../../validators"
import type { AdminOrderNoteResponse, AdminOrderNotesResponse } from "../../../../../types"

/** Lists an order's notes, newest first, with author and revisions. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGetOrderNotesParamsType>,
  res: MedusaResponse<AdminOrderNotesResponse>
) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { limit, offset } = req.validatedQuery
  const [, { data: notes, metadata }] = await Promise.all([
    assertOrderExists(req.scope, req.params.id),
    query.graph({
      entity: "order_note",
      fields: ADMIN_ORDER_NOTE_FIELDS,
      filters: { order_id: req.params.id },
      pagination: { skip: offset, take: limit, order: { created_at: "DESC" } },
    }),
  ])
  res.json({
    notes: notes.map(sortRevisions) as unknown as AdminOrderNotesResponse["notes"],
    count: metadata?.count ?? notes.length,
    offset,
    limit,
  })
}

/** Adds a note to an order as the logged-in admin. */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminCreateOrderNoteType>,
  res: MedusaResponse<AdminOrderNoteResponse>
) => {
  const { result } = await createOrderNoteWorkflow(req.scope).run({
    input: {
      order_id: req.params.id,
      body: req.validatedBody.body,
      visible_to_customer: req.validatedBody.visible_to_customer,
      author_id: req.auth_context.actor_id,
    },
  })
  res.status(201).json({ note: await refetchOrderNote(req.scope, req.params.id, result.id) })
}
