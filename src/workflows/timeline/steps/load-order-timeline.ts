import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ORDER_ACTIVITY_MODULE } from "../../../modules/order-activity"
import type OrderActivityModuleService from "../../../modules/order-activity/service"
import type { AdminOrderTimelineResponse, OrderActivityDTO } from "../../../types"
import {
  buildCoreHistory,
  CORE_CHANGE_FIELDS,
  CORE_HISTORY_FIELDS,
  type CoreOrderChange,
  type CoreOrderHistorySource,
} from "../utils/core-history"
import { activityToTimelineEntry, mergeTimelinePage } from "../utils/merge-timeline"

/** Input of {@link loadOrderTimelineStep}. */
export type LoadOrderTimelineStepInput = {
  order_id: string
  limit: number
  offset: number
  /** Only entries of these kinds (e.g. `note.created`). */
  kinds?: string[]
}

/** A page of the merged timeline. */
export type OrderTimelinePage = AdminOrderTimelineResponse

export const loadOrderTimelineStepId = "order-ops-load-order-timeline"

/**
 * Loads one page of an order's timeline: Medusa's own history (payments,
 * fulfillments, returns, changes) merged with our activity log, newest
 * first, with acting users' names resolved in one query.
 *
 * Four queries run side by side whatever the page size: the order graph,
 * its changes, its shipments' fulfillment ids and the activity page; then at
 * most one for user names.
 *
 * @throws MedusaError NOT_FOUND when the order does not exist.
 */
export const loadOrderTimelineStep = createStep(
  loadOrderTimelineStepId,
  async (input: LoadOrderTimelineStepInput, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const activityService: OrderActivityModuleService = container.resolve(ORDER_ACTIVITY_MODULE)
    const window = input.offset + input.limit
    const activityFilters: Record<string, unknown> = { order_id: input.order_id }
    if (input.kinds?.length) {
      activityFilters.kind = input.kinds
    }

    const [{ data: orders }, { data: changes }, { data: shipments }, [activities, activityCount]] = await Promise.all([
      query.graph({
        entity: "order",
        fields: CORE_HISTORY_FIELDS,
        filters: { id: input.order_id },
      }),
      query.graph({
        entity: "order_change",
        fields: CORE_CHANGE_FIELDS,
        filters: { order_id: input.order_id },
      }),
      query.graph({
        entity: "shipment",
        fields: ["fulfillment_id"],
        filters: { order_id: input.order_id },
      }),
      activityService.listAndCountOrderActivities(activityFilters, {
        take: window,
        skip: 0,
        order: { occurred_at: "DESC", id: "DESC" },
      }),
    ])

    const order = orders[0] as unknown as CoreOrderHistorySource | undefined
    if (!order) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Order with id: ${input.order_id} was not found`
      )
    }

    // A fulfillment that is one of our shipments is told by the shipment's own,
    // richer entries (created, each status with place and carrier); showing
    // Medusa's fulfillment entries as well would say everything twice.
    const shipped = new Set(
      (shipments as { fulfillment_id: string | null }[]).map((s) => s.fulfillment_id).filter(Boolean)
    )
    let core = buildCoreHistory(order, changes as unknown as CoreOrderChange[]).filter(
      (entry) => !(entry.resource?.type === "fulfillment" && shipped.has(entry.resource.id))
    )
    if (input.kinds?.length) {
      const kinds = new Set(input.kinds)
      core = core.filter((entry) => kinds.has(entry.kind))
    }
    const ours = (activities as unknown as OrderActivityDTO[]).map(activityToTimelineEntry)
    const page = mergeTimelinePage([core, ours], input)

    const userIds = [
      ...new Set(page.filter((e) => e.actor.type === "user" && e.actor.id).map((e) => e.actor.id!)),
    ]
    const names = new Map<string, string>()
    if (userIds.length) {
      const { data: users } = await query.graph({
        entity: "user",
        fields: ["id", "email", "first_name", "last_name"],
        filters: { id: userIds },
        withDeleted: true,
      })
      for (const user of users) {
        const name = [user.first_name, user.last_name].filter(Boolean).join(" ")
        names.set(user.id, name || user.email)
      }
    }

    const timeline = page.map((entry) => ({
      ...entry,
      actor: {
        ...entry.actor,
        display:
          entry.actor.type === "user" && entry.actor.id
            ? names.get(entry.actor.id) ?? null
            : entry.actor.type === "customer"
              ? order.email ?? null
              : null,
      },
    }))

    return new StepResponse<OrderTimelinePage>({
      timeline,
      count: core.length + activityCount,
      limit: input.limit,
      offset: input.offset,
    })
  }
)
