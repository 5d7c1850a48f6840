import { EVERY_MINUTE, sweepJobSchedule } from "../job-schedule"

describe("sweepJobSchedule", () => {
  it("is every minute unless ORDER_OPS_JOB_INTERVAL_MS is set", () => {
    expect(sweepJobSchedule({})).toBe(EVERY_MINUTE)
    expect(sweepJobSchedule({ ORDER_OPS_JOB_INTERVAL_MS: "" })).toBe(EVERY_MINUTE)
  })

  it("is an interval in milliseconds when set to a whole number of at least 1000", () => {
    expect(sweepJobSchedule({ ORDER_OPS_JOB_INTERVAL_MS: "5000" })).toEqual({ interval: 5000 })
    expect(sweepJobSchedule({ ORDER_OPS_JOB_INTERVAL_MS: "1000" })).toEqual({ interval: 1000 })
  })

  it("ignores a value that is not a whole number of at least 1000", () => {
    for (const value of ["999", "0", "-5000", "2.5", "5s", "abc"]) {
      expect(sweepJobSchedule({ ORDER_OPS_JOB_INTERVAL_MS: value })).toBe(EVERY_MINUTE)
    }
  })
})
