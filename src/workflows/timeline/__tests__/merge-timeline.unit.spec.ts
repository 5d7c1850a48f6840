import type { TimelineEntry } from "../../../types"
import { activityToTimelineEntry, compareTimelineEntries, mergeTimelinePage } from "../utils/merge-timeline"

const entry = (id: string, at: string, source: TimelineEntry["source"] = "core"): TimelineEntry => ({
  id,
  kind: "k",
  source,
  occurred_at: at,
  actor: { type: "system", id: null },
  resource: null,
  data: {},
})

describe("mergeTimelinePage", () => {
  const core = [entry("c1", "2026-01-01T00:00:00.000Z"), entry("c2", "2026-01-03T00:00:00.000Z")]
  const ours = [
    entry("a3", "2026-01-04T00:00:00.000Z", "order_ops"),
    entry("a2", "2026-01-02T00:00:00.000Z", "order_ops"),
  ]

  it("interleaves both sources newest first", () => {
    expect(mergeTimelinePage([core, ours], { offset: 0, limit: 10 }).map((e) => e.id)).toEqual([
      "a3",
      "c2",
      "a2",
      "c1",
    ])
  })

  it("pages without overlap or gaps", () => {
    const page1 = mergeTimelinePage([core, ours], { offset: 0, limit: 3 }).map((e) => e.id)
    const page2 = mergeTimelinePage([core, ours], { offset: 3, limit: 3 }).map((e) => e.id)
    expect(page1).toEqual(["a3", "c2", "a2"])
    expect(page2).toEqual(["c1"])
  })

  it("breaks ties on time by id, so order is deterministic", () => {
    const same = [entry("b", "2026-01-01T00:00:00.000Z"), entry("a", "2026-01-01T00:00:00.000Z"), entry("c", "2026-01-01T00:00:00.000Z")]
    expect([...same].sort(compareTimelineEntries).map((e) => e.id)).toEqual(["c", "b", "a"])
  })

  it("an offset past the end gives an empty page", () => {
    expect(mergeTimelinePage([core, ours], { offset: 10, limit: 5 })).toEqual([])
  })
})

describe("activityToTimelineEntry", () => {
  it("maps an activity row to a timeline entry", () => {
    expect(
      activityToTimelineEntry({
        id: "oact_1",
        order_id: "order_1",
        kind: "note.created",
        actor_type: "user",
        actor_id: "user_1",
        resource_type: "order_note",
        resource_id: "onote_1",
        data: { excerpt: "hi" },
        occurred_at: new Date("2026-01-01T00:00:00.000Z"),
        created_at: new Date("2026-01-01T00:00:00.000Z"),
      })
    ).toEqual({
      id: "oact_1",
      kind: "note.created",
      source: "order_ops",
      occurred_at: "2026-01-01T00:00:00.000Z",
      actor: { type: "user", id: "user_1" },
      resource: { type: "order_note", id: "onote_1" },
      data: { excerpt: "hi" },
    })
  })

  it("has no resource when the row names none", () => {
    expect(
      activityToTimelineEntry({
        id: "oact_2", order_id: "o", kind: "k", actor_type: "system", actor_id: null,
        resource_type: null, resource_id: null, data: null,
        occurred_at: "2026-01-01T00:00:00.000Z", created_at: "2026-01-01T00:00:00.000Z",
      })
    ).toMatchObject({ resource: null, data: {} })
  })
})
