import { parsePluginOptions } from "../../../options"
import {
  DEFAULT_EXCEPTION_THRESHOLDS,
  exceptionThresholdsFromOptions,
  labelsToAutoVoidQuery,
  paidNotFulfilledRule,
} from "../utils/exception-rules"

const NOW = new Date("2041-06-10T12:00:00Z")
const HOUR = 3600_000
const DAY = 24 * HOUR

describe("exception thresholds from the plugin options", () => {
  it("fills in the defaults; auto-void is off", () => {
    expect(exceptionThresholdsFromOptions()).toEqual(DEFAULT_EXCEPTION_THRESHOLDS)
    expect(exceptionThresholdsFromOptions(parsePluginOptions({ exceptions: {} }).exceptions)).toEqual(DEFAULT_EXCEPTION_THRESHOLDS)
    expect(DEFAULT_EXCEPTION_THRESHOLDS.auto_void_unscanned_labels).toBe(false)
  })

  it("takes one SLA for every shipping option type", () => {
    const t = exceptionThresholdsFromOptions(parsePluginOptions({ exceptions: { paid_unfulfilled_hours: 24 } }).exceptions)
    expect(t).toMatchObject({ paid_unfulfilled_hours: 24, paid_unfulfilled_hours_by_type: {} })
  })

  it("splits a per-type map into its default and the rest; without default the default stays 48 h", () => {
    const t = exceptionThresholdsFromOptions(parsePluginOptions({ exceptions: { paid_unfulfilled_hours: { default: 36, express: 12 } } }).exceptions)
    expect(t).toMatchObject({ paid_unfulfilled_hours: 36, paid_unfulfilled_hours_by_type: { express: 12 } })
    const u = exceptionThresholdsFromOptions({ paid_unfulfilled_hours: { express: 12 } })
    expect(u).toMatchObject({ paid_unfulfilled_hours: 48, paid_unfulfilled_hours_by_type: { express: 12 } })
  })

  it("refuses an empty map and a non-positive SLA, naming the option", () => {
    expect(() => parsePluginOptions({ exceptions: { paid_unfulfilled_hours: {} } })).toThrow(/exceptions\.paid_unfulfilled_hours/)
    expect(() => parsePluginOptions({ exceptions: { paid_unfulfilled_hours: { express: 0 } } })).toThrow(/exceptions\.paid_unfulfilled_hours/)
  })
})

describe("paidNotFulfilledRule", () => {
  it("compares with one cutoff without a per-type map", () => {
    const q = paidNotFulfilledRule(NOW, DEFAULT_EXCEPTION_THRESHOLDS)
    expect(q.bindings).toEqual([new Date(NOW.getTime() - 48 * HOUR)])
    expect(q.sql).not.toContain("case")
  })

  it("picks the cutoff by the order's shipping option type, the default for the rest", () => {
    const q = paidNotFulfilledRule(NOW, exceptionThresholdsFromOptions({ paid_unfulfilled_hours: { default: 48, express: 12 } }))
    expect(q.sql).toContain("case when o.shipping_option_type = ? then ?::timestamptz else ?::timestamptz end")
    expect(q.bindings).toEqual(["express", new Date(NOW.getTime() - 12 * HOUR), new Date(NOW.getTime() - 48 * HOUR)])
  })
})

describe("labelsToAutoVoidQuery", () => {
  it("asks for unscanned labels past the rule and inside the last days of their void window", () => {
    const t = { ...DEFAULT_EXCEPTION_THRESHOLDS, auto_void_unscanned_labels: true }
    const q = labelsToAutoVoidQuery(NOW, t, 25)
    // The rule's own cutoff (3 days), then: bought before now - (30 - 2) days, after now - 30 days.
    expect(q.bindings).toEqual([new Date(NOW.getTime() - 3 * DAY), new Date(NOW.getTime() - 28 * DAY), new Date(NOW.getTime() - 30 * DAY), 25])
  })
})
