import type { OrderActivityDTO, TimelineEntry } from "../../../types"

/** Turns one of our activity rows into a timeline entry. */
export function activityToTimelineEntry(activity: OrderActivityDTO): TimelineEntry {
  const occurred =
    activity.occurred_at instanceof Date
      ? activity.occurred_at
      : new Date(activity.occurred_at)
  return {
    id: activity.id,
    kind: activity.kind,
    source: "order_ops",
    occurred_at: occurred.toISOString(),
    actor: { type: activity.actor_type, id: activity.actor_id },
    resource:
      activity.resource_type && activity.resource_id
        ? { type: activity.resource_type, id: activity.resource_id }
        : null,
    data: activity.data ?? {},
  }
}

/** Newest first; ties broken by id so pages never overlap or skip. */
export function compareTimelineEntries(a: TimelineEntry, b: TimelineEntry): number {
  if (a.occurred_at !== b.occurred_at) {
    return a.occurred_at < b.occurred_at ? 1 : -1
  }
  if (a.id === b.id) {
    return 0
  }
  return a.id < b.id ? 1 : -1
}

/**
 * Merges core history with our activity and returns one page, newest first.
 *
 * Each source only needs its own newest `offset + limit` entries: no entry
 * beyond those can reach the requested page of the merged list.
 */
export function mergeTimelinePage(
  sources: TimelineEntry[][],
  page: { offset: number; limit: number }
): TimelineEntry[] {
  return sources
    .flat()
    .sort(compareTimelineEntries)
    .slice(page.offset, page.offset + page.limit)
}
