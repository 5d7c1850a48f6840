import { MedusaError } from "@medusajs/framework/utils"
import { parsePluginOptions } from "../options"

describe("parsePluginOptions", () => {
  it("fills in every default when no options are given", () => {
    expect(parsePluginOptions(undefined)).toEqual({
      notes: {
        notify_customer: true,
        customer_template: "order-ops-note-visible",
        channel: "email",
        max_length: 5000,
      },
      shipments: {
        notify: {
          shipped: true,
          out_for_delivery: true,
          delivered: true,
          picked_up: true,
          delivery_failed: true,
        },
        channel: "email",
      },
      test_orders: { suppress_notifications: false },
      documents: { invoice_on_capture: false },
      webhooks: {
        allow_private_targets: false,
        timeout_ms: 15_000,
        concurrency: 20,
        retry_schedule_seconds: [0, 5, 300, 1800, 7200, 18000, 36000, 36000],
        disable_after_failing_days: 5,
        rotation_overlap_hours: 24,
      },
      carriers: {
        sandbox: { enabled: false, step_minutes: 2 },
        label_format: "PDF",
        poll_interval_hours: 1,
      },
      digital_delivery: {
        retry_minutes: [1, 5, 30, 120, 360],
        link_lifetime_hours: 72,
        max_downloads: 5,
        allow_private_targets: false,
        discord_base_url: "https://discord.com/api/v10",
        timeout_ms: 10_000,
        concurrency: 10,
        per_target_concurrency: 2,
        follow_up_concurrency: 2,
        auto_complete: true,
        instructions_template: "order-ops-delivery-instructions",
        channel: "email",
      },
    })
  })

  it("validates documents.invoice_on_capture", () => {
    expect(parsePluginOptions({ documents: { invoice_on_capture: true } }).documents).toEqual({ invoice_on_capture: true })
    expect(() => parsePluginOptions({ documents: { invoice_on_capture: "yes" } })).toThrow(/invalid option "documents.invoice_on_capture"/)
    expect(() => parsePluginOptions({ documents: { invoice_by_post: true } })).toThrow(/documents/)
  })

  it("validates carrier options, naming the bad one", () => {
    expect(() => parsePluginOptions({ carriers: { shippo: { api_key: "" } } })).toThrow(
      /invalid option "carriers.shippo.api_key"/
    )
    expect(() => parsePluginOptions({ carriers: { easypost: { api_key: "k", base_url: "not a url" } } })).toThrow(
      /carriers.easypost.base_url/
    )
    const options = parsePluginOptions({ carriers: { easypost: { api_key: "k" }, sandbox: { enabled: true } } })
    expect(options.carriers.easypost).toEqual({ api_key: "k", webhooks: true })
    expect(options.carriers.sandbox).toEqual({ enabled: true, step_minutes: 2 })
  })

  it("reads test_orders.suppress_notifications", () => {
    expect(parsePluginOptions({ test_orders: { suppress_notifications: true } }).test_orders)
      .toEqual({ suppress_notifications: true })
  })

  it("keeps given values and ignores keys Medusa adds to module options", () => {
    const options = parsePluginOptions({
      notes: { notify_customer: false, max_length: 200 },
      database: { clientUrl: "postgres://x" },
    })
    expect(options.notes.notify_customer).toBe(false)
    expect(options.notes.max_length).toBe(200)
    expect(options.notes.channel).toBe("email")
  })

  it("names the bad option in a MedusaError", () => {
    let error: unknown
    try {
      parsePluginOptions({ notes: { max_length: 9000 } })
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(MedusaError)
    expect((error as MedusaError).type).toBe(MedusaError.Types.INVALID_DATA)
    expect((error as Error).message).toContain('invalid option "notes.max_length"')
  })

  it("rejects unknown options instead of ignoring a typo", () => {
    expect(() => parsePluginOptions({ note: { notify_customer: false } })).toThrow(
      /invalid option "\(root\)"|note/
    )
    expect(() => parsePluginOptions({ notes: { notify: false } })).toThrow(/notes/)
  })

  it("rejects a wrong type", () => {
    expect(() => parsePluginOptions({ notes: { notify_customer: "yes" } })).toThrow(
      /notes\.notify_customer/
    )
  })
})
