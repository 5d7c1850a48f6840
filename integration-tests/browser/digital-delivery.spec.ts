import type { Page } from "playwright-core"
import { startWebhookReceiver, WEBHOOK_FAKE_SECRET, type WebhookReceiverHandle } from "../fakes/webhook-receiver"
import { baseUrl, logIn, screenshot, toastsGone, useAdminPage } from "./harness"
import { adminToken, call, type Json, placePaidDigitalOrder, until, variantBySku } from "./store-api"

jest.setTimeout(8 * 60 * 1000)

/**
 * A merchant follows an order's digital delivery on the order page: a webhook
 * delivery the receiver refuses shows Failed with the receiver's answer; once
 * the receiver is fixed, Retry now delivers it. An RCON item without a player
 * name fails at once and is marked delivered by hand with a redemption code.
 * The Delivery products page lists both products with their secrets masked
 * and puts the server's 400 under the field it names.
 */
describe("digital delivery in the Medusa admin (Chromium)", () => {
  const adminPage = useAdminPage()
  let page: Page
  let token: string
  let receiver: WebhookReceiverHandle
  let orderId: string
  const productIds: string[] = []

  const widget = () => page.getByTestId("order-digital-delivery-widget")
  const delivery = (method: string) => widget().locator(`[data-testid="delivery"][data-method="${method}"]`)
  const withStatus = (method: string, status: string) =>
    widget().locator(`[data-testid="delivery"][data-method="${method}"][data-status="${status}"]`)

  beforeAll(async () => {
    page = adminPage()
    receiver = await startWebhookReceiver()
    // The receiver refuses for good (410): the delivery fails on its first attempt, no retry scheduled.
    receiver.respond_status = 410
    token = await adminToken()
  })

  afterAll(async () => {
    // Other browser specs share the demo store: leave its catalog as it was.
    for (const id of productIds) {
      await call(`/admin/delivery-products/${id}`, { method: "DELETE", token }).catch(() => undefined)
    }
    await receiver?.close()
  })

  it("sets up a webhook and an RCON product and places a paid order through the store API", async () => {
    const variantOf = (sku: string) => variantBySku(token, sku)
    const webhook = await call("/admin/delivery-products", {
      token,
      body: {
        variant_id: await variantOf("OOPS-EBOOK-EPUB"),
        method: "webhook",
        settings: { url: `${receiver.url}/hooks/orders`, secret: WEBHOOK_FAKE_SECRET },
      },
    })
    productIds.push(webhook.delivery_product.id)
    const rcon = await call("/admin/delivery-products", {
      token,
      body: {
        variant_id: await variantOf("OOPS-EBOOK-PDF"),
        method: "rcon",
        settings: { host: "127.0.0.1", port: 25575, password: "rcon-secret-pw", command: "give {player} book {quantity}" },
      },
    })
    productIds.push(rcon.delivery_product.id)

    orderId = await placePaidDigitalOrder(token, [
      { variant_id: await variantOf("OOPS-EBOOK-EPUB"), quantity: 1 },
      // No player name in the metadata: the RCON delivery cannot run and fails at once.
      { variant_id: await variantOf("OOPS-EBOOK-PDF"), quantity: 1 },
    ])

    // Capturing starts the deliveries in a subscriber; wait until both have had their first attempt.
    await until("both deliveries to fail", async () => {
      const { deliveries } = await call(`/admin/orders/${orderId}/deliveries`, { token })
      return deliveries.length === 2 && deliveries.every((d: Json) => d.status === "failed")
    })
    expect(receiver.received.length).toBeGreaterThanOrEqual(1)
    expect(receiver.deliveries).toHaveLength(0)
  })

  it("shows both deliveries as Failed with the reason on the order page", async () => {
    await logIn(page)
    await page.goto(`${baseUrl}/app/orders/${orderId}`)
    await widget().waitFor()
    await withStatus("webhook", "failed").waitFor()
    await withStatus("rcon", "failed").waitFor()

    expect(await delivery("webhook").getByTestId("delivery-status").textContent()).toBe("Failed")
    expect(await delivery("webhook").getByTestId("delivery-method").textContent()).toContain("Webhook")
    // Both lines are the same product: the variant's title tells them apart.
    expect(await delivery("webhook").getByTestId("delivery-title").textContent()).toMatch(/· EPUB × 1$/)
    expect(await delivery("rcon").getByTestId("delivery-title").textContent()).toMatch(/· PDF × 1$/)
    expect(await delivery("webhook").getByTestId("delivery-last-error").textContent()).toMatch(/410/)
    expect(await delivery("rcon").getByTestId("delivery-method").textContent()).toContain("RCON command")
    expect(await delivery("rcon").getByTestId("delivery-last-error").textContent()).toMatch(/player/i)
    expect(await delivery("webhook").getByTestId("delivery-dry-run").count()).toBe(0)

    // The attempt log shows the failed attempt with what was sent and answered.
    await delivery("webhook").getByTestId("delivery-log-toggle").click()
    const attempt = delivery("webhook").getByTestId("delivery-attempt").first()
    await attempt.waitFor()
    expect(await attempt.getAttribute("data-outcome")).toBe("failed")
    await attempt.locator("summary").click()
    expect(await attempt.locator("pre").first().textContent()).toMatch(/hooks\/orders/)

    await toastsGone(page).catch(() => undefined)
    await widget().scrollIntoViewIfNeeded()
    await screenshot(page, "digital-delivery-failed.png")
  })

  it("retries the webhook delivery once the receiver accepts it, and sees it Delivered", async () => {
    receiver.respond_status = null
    await delivery("webhook").getByTestId("delivery-retry").click()
    await withStatus("webhook", "delivered").waitFor()
    expect(await delivery("webhook").getByTestId("delivery-status").textContent()).toBe("Delivered")
    expect(await delivery("webhook").getByTestId("delivery-retry").count()).toBe(0)
    expect(await delivery("webhook").getByTestId("delivery-last-error").count()).toBe(0)
    // The receiver verified the signed request and accepted it.
    expect(receiver.deliveries).toHaveLength(1)
    expect(receiver.rejected).toHaveLength(0)
    // The newest attempt is the successful one.
    await page.waitForFunction(
      () =>
        document
          .querySelector('[data-testid="delivery"][data-method="webhook"] [data-testid="delivery-attempt"]')
          ?.getAttribute("data-outcome") === "delivered"
    )
  })

  it("marks the RCON delivery as delivered by hand with a redemption code and notes", async () => {
    await delivery("rcon").getByTestId("delivery-mark-delivered").click()
    const drawer = page.getByTestId("mark-delivered-drawer")
    await drawer.getByTestId("notes-form").waitFor()
    await drawer.getByTestId("delivery-redemption-code").fill("GIFT-1234")
    await drawer.getByTestId("delivery-notes").fill("Player had no name on file; sent a gift code by email.")
    await drawer.getByTestId("notes-form-submit").click()
    await drawer.waitFor({ state: "detached" })

    await withStatus("rcon", "delivered").waitFor()
    expect(await delivery("rcon").getByTestId("delivery-status").textContent()).toBe("Delivered")
    expect(await delivery("rcon").getByTestId("delivery-code-value").allTextContents()).toContain("GIFT-1234")
    expect(await delivery("rcon").getByTestId("delivery-notes-text").textContent()).toContain("gift code")
    expect(await delivery("rcon").getByTestId("delivery-mark-delivered").count()).toBe(0)

    // The server agrees, and refuses to mark it again.
    const { deliveries } = await call(`/admin/orders/${orderId}/deliveries`, { token })
    const rcon = deliveries.find((d: Json) => d.method === "rcon")
    expect(rcon).toMatchObject({ status: "delivered", redemption_code: "GIFT-1234" })
    await expect(call(`/admin/deliveries/${rcon.id}/mark-delivered`, { token, body: {} })).rejects.toThrow(/400/)

    // The timeline tells the story in a merchant's words.
    const timeline = page.getByTestId("order-timeline-widget")
    await timeline.locator('[data-testid="timeline-entry"][data-kind="delivery.failed"]').first().waitFor()
    await page.waitForFunction(() =>
      [...document.querySelectorAll('[data-testid="timeline-entry"][data-kind="delivery.delivered"]')].some((e) =>
        /marked as delivered/.test(e.textContent ?? "")
      )
    )
    expect(await timeline.locator('[data-testid="timeline-entry"][data-kind="delivery.failed"]').first().textContent()).toMatch(
      /Delivery of .* failed/
    )

    await toastsGone(page).catch(() => undefined)
    await widget().scrollIntoViewIfNeeded()
    await screenshot(page, "digital-delivery.png")
  })

  it("resends the delivery instructions and says what happened", async () => {
    await widget().getByTestId("digital-delivery-actions").click()
    await page.getByRole("menuitem", { name: "Resend delivery instructions" }).click()
    const toast = page.locator("[data-sonner-toast]").last()
    await toast.waitFor()
    // The notes and redemption code of the RCON item are worth an email; the local provider "sends" it.
    expect(await toast.textContent()).toMatch(/Delivery instructions sent|Instructions not sent: /)
  })

  it("lists the delivery products with secrets masked and shows a 400 under its field", async () => {
    await page.goto(`${baseUrl}/app/settings/delivery-products`)
    await page.getByTestId("delivery-products-table").waitFor()
    const webhookRow = page.locator(`[data-testid="delivery-product-row"][data-product-id="${productIds[0]}"]`)
    const rconRow = page.locator(`[data-testid="delivery-product-row"][data-product-id="${productIds[1]}"]`)
    await webhookRow.waitFor()
    expect(await webhookRow.getByTestId("delivery-product-method-label").textContent()).toBe("Webhook")
    const summary = (await webhookRow.getByTestId("delivery-product-summary").textContent()) ?? ""
    expect(summary).toContain(receiver.url)
    expect(summary).toContain(`••••${WEBHOOK_FAKE_SECRET.slice(-4)}`)
    expect(summary).not.toContain(WEBHOOK_FAKE_SECRET)
    // A short secret is never shown, not even in part.
    const rconSummary = (await rconRow.getByTestId("delivery-product-summary").textContent()) ?? ""
    expect(rconSummary).toContain("password ••••")
    expect(rconSummary).not.toContain("rcon-secret-pw")
    await toastsGone(page).catch(() => undefined)
    await screenshot(page, "delivery-products.png")

    // The drawer renders the settings form from GET /admin/delivery-methods: every field of the
    // RCON method appears with the server's label, the password as a masked secret.
    const { delivery_methods } = await call("/admin/delivery-methods", { token })
    const rconMethod = delivery_methods.find((m: Json) => m.code === "rcon")
    await rconRow.getByTestId("delivery-product-actions").click()
    await page.getByRole("menuitem", { name: "Edit" }).click()
    const editDrawer = page.getByTestId("delivery-product-drawer")
    const settings = editDrawer.locator('[data-testid="delivery-product-settings"][data-method="rcon"]')
    await settings.waitFor()
    for (const field of rconMethod.settings_fields as Json[]) {
      const id = `delivery-product-${(field.name as string).replace(/_/g, "-")}`
      const box = settings.getByTestId(`${id}-field`)
      expect(await box.count()).toBe(1)
      expect(await box.textContent()).toContain(field.label)
    }
    const password = settings.getByTestId("delivery-product-password")
    expect(await password.getAttribute("data-secret")).toBe("true")
    expect(await password.getAttribute("type")).toBe("password")
    expect(await password.inputValue()).toBe("••••")
    expect(await settings.getByTestId("delivery-product-password-field").textContent()).toContain("Stored and hidden")
    expect(await settings.getByTestId("delivery-product-command").inputValue()).toBe("give {player} book {quantity}")
    // Saving without touching the secret keeps the stored one.
    await editDrawer.getByTestId("delivery-product-submit").click()
    await editDrawer.waitFor({ state: "detached" })
    const saved = await call(`/admin/delivery-products/${productIds[1]}`, { token })
    expect(saved.delivery_product.settings.password).toBe("••••")
    expect(saved.delivery_product.settings.command).toBe("give {player} book {quantity}")

    // A webhook for the license variant with a URL the server refuses: the message lands under URL.
    await page.getByTestId("delivery-product-create").click()
    const drawer = page.getByTestId("delivery-product-drawer")
    await drawer.getByTestId("delivery-product-variant-search").fill("license")
    await drawer.locator('[data-testid="delivery-product-variant-option"][data-sku="OOPS-LICENSE-1"]').click()
    await drawer.getByTestId("delivery-product-method").click()
    await page.getByRole("option", { name: "Webhook" }).click()
    // The webhook's form, from the registry: its two fields, the secret masked in the input.
    await drawer.locator('[data-testid="delivery-product-settings"][data-method="webhook"]').waitFor()
    expect(await drawer.getByTestId("delivery-product-secret").getAttribute("data-secret")).toBe("true")
    await drawer.getByTestId("delivery-product-url").fill("ftp://example.com/hook")
    await drawer.getByTestId("delivery-product-secret-generate").click()
    expect(await drawer.getByTestId("delivery-product-secret").inputValue()).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/)
    await drawer.getByTestId("delivery-product-submit").click()
    const urlError = drawer.getByTestId("delivery-product-url-field-error")
    await urlError.waitFor()
    expect(await urlError.textContent()).toMatch(/http/)

    await drawer.getByTestId("delivery-product-url").fill(`${receiver.url}/hooks/licenses`)
    await drawer.getByTestId("delivery-product-submit").click()
    await drawer.waitFor({ state: "detached" })
    const created = page.locator('[data-testid="delivery-product-row"]').filter({ hasText: "Label Printer Software License" })
    await created.waitFor()
    const createdId = (await created.getAttribute("data-product-id")) as string
    productIds.push(createdId)

    // Delete it again, through the confirmation.
    await created.getByTestId("delivery-product-actions").click()
    await page.getByRole("menuitem", { name: "Delete" }).click()
    await page.getByRole("button", { name: "Delete" }).click()
    await created.waitFor({ state: "detached" })
  })
})
