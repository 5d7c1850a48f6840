import fs from "fs"
import type { Page } from "playwright-core"
import { extractText, getDocumentProxy } from "unpdf"
import { baseUrl, logIn, screenshot, useAdminPage } from "./harness"

jest.setTimeout(6 * 60 * 1000)

/**
 * A merchant puts an order on hold and sees it on the Order operations list,
 * records a dispute, downloads its evidence pack, finds it in the Exceptions inbox (with its count),
 * then releases the hold.
 */
describe("holds, disputes and the exceptions inbox in the Medusa admin (Chromium)", () => {
  const adminPage = useAdminPage()
  let page: Page
  let orderUrl: string

  beforeAll(() => {
    page = adminPage()
  })

  const widget = () => page.getByTestId("order-case-widget")

  it("puts a seeded order on hold with a reason and a note", async () => {
    await logIn(page)
    const firstRow = page.locator("table tbody tr").first()
    await firstRow.waitFor()
    await firstRow.click()
    await page.waitForURL(/\/app\/orders\/order_[A-Z0-9]+/)
    orderUrl = page.url()
    await widget().waitFor()
    await widget().getByTestId("order-hold-open").click()
    await widget().getByTestId("order-hold-note").fill("Address looks wrong")
    await widget().getByTestId("order-hold-submit").click()
    const active = widget().getByTestId("order-hold-active")
    await active.waitFor()
    expect(await active.textContent()).toContain("Address looks wrong")
    expect(await active.textContent()).toContain("Awaiting payment")
  })

  it("shows the hold badge on the Order operations list filtered to held orders", async () => {
    await page.goto(`${baseUrl}/app/order-ops?on_hold=true`)
    await page.getByTestId("order-ops-table").waitFor()
    expect(await page.getByTestId("order-ops-row").count()).toBe(1)
    await page.getByTestId("order-ops-hold-badge").first().waitFor()
  })

  it("records a dispute on the order and finds it in the Exceptions inbox with its count", async () => {
    await page.goto(orderUrl)
    await widget().waitFor()
    await widget().getByTestId("dispute-open").click()
    await widget().getByTestId("dispute-amount").fill("12.5")
    await widget().getByTestId("dispute-due").fill("2041-03-15")
    await widget().getByTestId("dispute-submit").click()
    const row = widget().getByTestId("dispute-row").first()
    await row.waitFor()
    expect(await row.getByTestId("dispute-status").textContent()).toBe("Needs response")
    // The evidence pack: one PDF, downloaded from the dispute.
    const [download] = await Promise.all([page.waitForEvent("download"), row.getByTestId("dispute-evidence-download").click()])
    const pdf = fs.readFileSync((await download.path())!)
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true })
    expect(text).toContain("Dispute evidence")
    expect(text).toContain("Fraudulent")

    await page.goto(`${baseUrl}/app/order-exceptions?rule=dispute_needs_response`)
    await page.getByTestId("order-exceptions-table").waitFor()
    const orderId = orderUrl.split("/orders/")[1].split(/[/?#]/)[0]
    await page.locator(`[data-testid="order-exception-row"][data-order-id="${orderId}"]`).waitFor()
    const count = Number(await page.getByTestId("order-exceptions-count").textContent())
    expect(count).toBeGreaterThanOrEqual(1)
    await screenshot(page, "order-exceptions.png")
  })

  it("releases the hold", async () => {
    await page.goto(orderUrl)
    await widget().getByTestId("order-hold-release").click()
    await widget().getByTestId("order-hold-open").waitFor()
    await page.goto(`${baseUrl}/app/order-ops?on_hold=true`)
    await page.getByTestId("order-ops-empty").waitFor()
  })
})
