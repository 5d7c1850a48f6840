import { parsePluginOptions } from "../../../options"
import { CUSTOMER_NOTIFICATION_KINDS, resolveNotificationSettings, STAFF_ALERT_KINDS, uniqueRecipients } from "../registry"

describe("notification settings registry", () => {
  it("seeds customer emails from the plugin options", () => {
    const options = parsePluginOptions({ notes: { notify_customer: false, customer_template: "my-note" }, shipments: { notify: { delivered: false } } })
    const settings = resolveNotificationSettings(options, [], [])
    expect(Object.keys(settings.customer)).toEqual(CUSTOMER_NOTIFICATION_KINDS)
    expect(settings.customer.note_shared).toMatchObject({ enabled: false, template: "my-note" })
    expect(settings.customer.delivered.enabled).toBe(false)
    expect(settings.customer.shipped.enabled).toBe(true)
    expect(Object.keys(settings.staff)).toEqual(STAFF_ALERT_KINDS)
    expect(settings.staff.new_order).toMatchObject({ enabled: true, recipients: [] })
  })
  it("a saved row wins over the seed", () => {
    const options = parsePluginOptions({})
    const settings = resolveNotificationSettings(
      options,
      [{ kind: "shipped", enabled: false, template: "x" }],
      [{ kind: "new_order", enabled: true, template: "t", recipients: ["a@b.c"] }]
    )
    expect(settings.customer.shipped).toMatchObject({ enabled: false, template: "x" })
    expect(settings.staff.new_order.recipients).toEqual(["a@b.c"])
  })
  it("keeps each recipient once, case-insensitively", () => {
    expect(uniqueRecipients([" a@x.test", "A@x.test", "b@x.test", ""])).toEqual(["a@x.test", "b@x.test"])
  })
})
