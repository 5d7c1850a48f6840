import type { Page } from "playwright-core"
import { Webhook } from "standardwebhooks"
import { startOrderWebhookReceiver, type OrderWebhookReceiver } from "../fakes/order-webhook-receiver"
import { baseUrl, logIn, screenshot, toastsGone, useAdminPage } from "./harness"

jest.setTimeout(6 * 60 * 1000)

const until = async (check: () => boolean, what: string, timeoutMs = 90_000) => {
  const started = Date.now()
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 100))
  }
}

/**
 * A merchant adds a webhook endpoint in Settings → Webhooks, copies its
 * secret, sends a test event, sees it in the delivery log and resends it.
 * The receiver is a local server verifying with the standardwebhooks library.
 */
describe("Settings → Webhooks in the Medusa admin (Chromium)", () => {
  const adminPage = useAdminPage()
  let page: Page
  let receiver: OrderWebhookReceiver
  let secret = ""

  beforeAll(async () => {
    page = adminPage()
    receiver = await startOrderWebhookReceiver()
  })
  afterAll(async () => {
    await receiver.close()
  })

  it("adds an endpoint and shows its whsec_ secret once", async () => {
    await logIn(page)
    await page.goto(`${baseUrl}/app/settings/webhooks`)
    await page.getByTestId("webhooks-page").waitFor()
    await page.getByLabel("URL").fill(receiver.url)
    await page.getByLabel("Description").fill("Accounting system")
    await page.getByTestId("webhook-create").click()
    secret = ((await page.getByTestId("webhook-secret").locator("code").textContent()) ?? "").trim()
    expect(secret).toMatch(/^whsec_/)
    await page.getByTestId("webhook-endpoint-row").filter({ hasText: receiver.url }).waitFor()
  })

  it("sends a test event, sees it delivered in the log, and resends it under the same webhook-id", async () => {
    const row = page.getByTestId("webhook-endpoint-row").filter({ hasText: receiver.url })
    await row.getByTestId("webhook-open-log").click()
    const log = page.getByTestId("webhook-delivery-log")
    await log.waitFor()
    await log.getByTestId("webhook-send-test").click()

    // The sweep job (every 5 s) sends it; the log refreshes while it is pending.
    await until(() => receiver.requests.length >= 1, "the test event at the receiver")
    const first = receiver.requests[0]
    const body = new Webhook(secret).verify(first.raw_body, first.headers) as { type: string }
    expect(body.type).toBe("webhook.test")
    const delivery = log.getByTestId("webhook-delivery-row").filter({ hasText: first.headers["webhook-id"] })
    await delivery.filter({ hasText: "succeeded" }).waitFor()
    await toastsGone(page)
    await screenshot(page, "webhooks-delivery-log.png")

    await delivery.getByTestId("webhook-resend").click()
    await until(() => receiver.requests.length >= 2, "the resent event at the receiver")
    expect(receiver.requests[1].headers["webhook-id"]).toBe(first.headers["webhook-id"])
    expect(new Webhook(secret).verify(receiver.requests[1].raw_body, receiver.requests[1].headers)).toBeTruthy()
    await delivery.filter({ hasText: "succeeded" }).waitFor()
  })
})
