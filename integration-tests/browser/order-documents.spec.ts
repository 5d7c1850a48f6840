import fs from "fs"
import type { Page } from "playwright-core"
import { parse } from "csv-parse/sync"
import { extractText, getDocumentProxy } from "unpdf"
import { adminGet, logIn, screenshot, toastsGone, useAdminPage } from "./harness"

jest.setTimeout(8 * 60 * 1000)

/**
 * A merchant filters the Order operations list, exports it (the worker's
 * sweep writes it; progress shows in the drawer) and downloads the CSV; then
 * selects three orders and prints their packing slips as one PDF.
 */
describe("exports and packing slips on the Order operations page (Chromium)", () => {
  const adminPage = useAdminPage()
  let page: Page

  beforeAll(() => {
    page = adminPage()
  })

  const apiGet = (url: string) => adminGet(page, url)

  it("filters the list by payment status, exports it as CSV with progress, and downloads it", async () => {
    await logIn(page)
    await page.getByRole("link", { name: "Order operations" }).first().click()
    await page.waitForURL("**/app/order-ops**")
    await page.getByTestId("order-ops-table").waitFor()

    await page.getByTestId("order-ops-filter-payment").click()
    await page.getByRole("menuitemcheckbox", { name: "Paid", exact: true }).click()
    await page.keyboard.press("Escape")
    await page.waitForURL(/payment_status=paid/)
    await page.getByTestId("order-ops-table").waitFor()

    await page.getByTestId("order-export-button").click()
    const drawer = page.getByTestId("order-export-drawer")
    await drawer.waitFor()
    // The page's filters are filled in.
    expect(await drawer.locator('[data-testid="order-export-filter"][data-filter="payment_status"]').textContent()).toContain("paid")
    await drawer.getByTestId("order-export-submit").click()

    const row = drawer.getByTestId("order-export-row").first()
    await row.waitFor()
    // The worker's sweep (every minute) claims it; the drawer follows its progress to the end.
    await page.waitForFunction(
      () => document.querySelector('[data-testid="order-export-row"]')?.getAttribute("data-status") === "completed",
      undefined,
      { timeout: 4 * 60 * 1000, polling: 500 }
    )
    expect(await row.getByTestId("order-export-progress").textContent()).toMatch(/^(\d+) of \1 orders$/)
    await toastsGone(page)
    await screenshot(page, "order-export-drawer.png", false)

    const [download] = await Promise.all([page.waitForEvent("download"), row.getByTestId("order-export-download").click()])
    const file = await download.path()
    const rows = parse(fs.readFileSync(file!), { columns: true, bom: true }) as Record<string, string>[]
    const list = JSON.parse(
      Buffer.from((await apiGet("/admin/order-ops/orders?payment_status=paid&is_test=false&limit=200")).base64, "base64").toString()
    ) as { orders: { id: string }[] }
    expect(rows.length).toBeGreaterThan(0)
    expect(rows.map((r) => r["Order ID"]).sort()).toEqual(list.orders.map((o) => o.id).sort())
    expect(rows.every((r) => r["Payment status"] === "paid")).toBe(true)
    await page.keyboard.press("Escape")
    await drawer.waitFor({ state: "detached" })
  })

  it("selects three orders and prints their packing slips as one PDF", async () => {
    await page.getByTestId("order-ops-clear-filters").click()
    await page.waitForURL((url) => !url.search.includes("payment_status"))
    await page.getByTestId("order-ops-table").waitFor()
    // The unfiltered list has arrived (the filtered one stays on screen, dimmed, while it loads;
    // changing the filters clears the selection), so the rows ticked below are the ones that stay.
    await page.getByTestId("order-ops-clear-filters").waitFor({ state: "detached" })
    await page.locator('[aria-busy="false"]:has([data-testid="order-ops-table"])').waitFor()
    const rows = page.getByTestId("order-ops-row")
    const chosen: string[] = []
    for (let i = 0; i < 3; i++) {
      chosen.push((await rows.nth(i).getAttribute("data-order-id"))!)
      await page.locator(`[data-testid="order-ops-row"][data-order-id="${chosen[i]}"]`).getByTestId("order-ops-select-row").click()
      await page.locator(`[data-testid="order-ops-selected-count"][data-count="${i + 1}"]`).waitFor()
    }
    expect(await page.getByTestId("order-ops-selected-count").getAttribute("data-count")).toBe("3")
    await page.getByTestId("order-ops-bulk-packing-slips").click()
    const drawer = page.getByTestId("packing-slips-drawer")
    await drawer.waitFor()
    const link = drawer.getByTestId("packing-slips-download")
    // The link, or the job's error; whichever it is, the drawer's words go into the failure.
    const settled = await link
      .or(drawer.getByTestId("packing-slips-error"))
      .waitFor({ timeout: 4 * 60 * 1000 })
      .then(() => null)
      .catch((e: Error) => e.message)
    const said = await drawer.textContent()
    expect({ settled, error: await drawer.getByTestId("packing-slips-error").count(), said }).toEqual({ settled: null, error: 0, said })
    await screenshot(page, "packing-slips-drawer.png", false)

    const pdf = await apiGet((await link.getAttribute("href"))!)
    expect(pdf.status).toBe(200)
    expect(pdf.type).toContain("application/pdf")
    const doc = await getDocumentProxy(new Uint8Array(Buffer.from(pdf.base64, "base64")))
    expect(doc.numPages).toBe(3)
    const { text } = await extractText(doc, { mergePages: true })
    for (const id of chosen) {
      const order = JSON.parse(Buffer.from((await apiGet(`/admin/orders/${id}?fields=display_id`)).base64, "base64").toString())
      expect(text).toContain(`Order #${order.order.display_id}`)
    }
  })
})
