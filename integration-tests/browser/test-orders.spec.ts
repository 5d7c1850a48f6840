import path from "path"
import fs from "fs"
import { chromium, type Browser, type Page } from "playwright-core"
import { CHROMIUM_ARGS, findChromium } from "./chromium"

jest.setTimeout(6 * 60 * 1000)

const baseUrl = process.env.ORDER_OPS_BROWSER_BASE_URL as string
const email = process.env.DEMO_ADMIN_EMAIL || "admin@medusa-order-ops.test"
const password = process.env.DEMO_ADMIN_PASSWORD || "supersecret"
// `medusa develop` restarts on any file written in the project outside dot-folders, so
// screenshots go to .test-results while the store runs; global teardown copies them
// to docs/screenshots once it has stopped.
const screenshots = path.resolve(__dirname, "../../.test-results/screenshots")
const failures = path.resolve(__dirname, "../../.test-results/browser-failures")

/**
 * A merchant places a test order from the Order operations page with the
 * defaults, lands on it, finds it again through the Test filter, and deletes it.
 */
describe("test orders in the Medusa admin (Chromium)", () => {
  let browser: Browser
  let page: Page
  let orderId: string

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: findChromium()!, args: CHROMIUM_ARGS })
    page = await browser.newPage({ viewport: { width: 1440, height: 1100 } })
    page.setDefaultTimeout(90 * 1000)
  })

  afterEach(async () => {
    // Keep a picture of the page whenever a step fails, for whoever reads the CI log.
    const state = expect.getState()
    if (page && state.currentTestName && (state.assertionCalls ?? 0) >= 0) {
      fs.mkdirSync(failures, { recursive: true })
      await page
        .screenshot({ path: path.join(failures, `${state.currentTestName.replace(/\W+/g, "-").slice(-80)}.png`), fullPage: true })
        .catch(() => undefined)
    }
  })

  afterAll(async () => {
    await browser?.close()
  })

  const banner = () => page.getByTestId("order-test-order-widget")
  const drawer = () => page.getByTestId("place-test-order-drawer")
  const opsRow = (id: string) => page.locator(`[data-testid="order-ops-row"][data-order-id="${id}"]`)

  /** Waits for the toasts to leave, so that screenshots show the page. */
  const toastsGone = () =>
    page.waitForFunction(() => document.querySelectorAll("[data-sonner-toast]").length === 0, undefined, {
      timeout: 20 * 1000,
    })

  /** The status a GET to the admin API answers with, asked with the page's session. */
  const apiStatus = (url: string) =>
    page.evaluate(async (u) => (await fetch(u, { credentials: "include" })).status, url)

  it("logs in and sees the Place test order button above the order list", async () => {
    await page.goto(`${baseUrl}/app/login`)
    await page.locator('input[name="email"]').fill(email)
    await page.locator('input[name="password"]').fill(password)
    await page.locator('button[type="submit"]').click()
    await page.waitForURL("**/app/orders**")
    await page.getByTestId("order-list-test-orders-widget").getByTestId("place-test-order-button").waitFor()
  })

  it("places a paid test order with the defaults from Order operations and lands on it", async () => {
    await page.getByRole("link", { name: "Order operations" }).first().click()
    await page.waitForURL("**/app/order-ops**")
    await page.getByTestId("order-ops-table").waitFor()

    await page.getByTestId("order-ops-page").getByTestId("place-test-order-button").click()
    await drawer().getByTestId("place-test-order-form").waitFor()
    await drawer().getByTestId("test-order-payment-paid").click()
    expect(await drawer().getByTestId("test-order-payment-paid").getAttribute("data-state")).toBe("checked")
    // The variant picker lists the catalog; nothing is chosen, so the server picks the items.
    await drawer().getByTestId("test-order-variant").first().waitFor()
    expect(await drawer().getByTestId("test-order-item").count()).toBe(0)
    fs.mkdirSync(screenshots, { recursive: true })
    await page.screenshot({ path: path.join(screenshots, "place-test-order.png") })

    await drawer().getByTestId("place-test-order-submit").click()
    await page.waitForURL(/\/app\/orders\/order_[A-Z0-9]+$/)
    await drawer().waitFor({ state: "detached" })
    orderId = /\/orders\/(order_[A-Z0-9]+)$/.exec(page.url())![1]

    await banner().waitFor()
    expect(await banner().getByTestId("order-test-badge").textContent()).toBe("Test")
    expect(await banner().getAttribute("data-payment-state")).toBe("paid")
    expect(await banner().textContent()).toContain("flagged as a test")

    // Medusa 2.21's layout composer puts every widget after the core sections, whatever the
    // zone's `.before`; scroll the dashboard's own scroll container to the banner.
    await banner().evaluate((el) => {
      let box = el.parentElement
      while (box && !(box.scrollHeight > box.clientHeight && /auto|scroll/.test(getComputedStyle(box).overflowY))) {
        box = box.parentElement
      }
      if (box) box.scrollTop += el.getBoundingClientRect().top - box.getBoundingClientRect().top - 24
    })
    await toastsGone()
    await page.screenshot({ path: path.join(screenshots, "test-order.png") })
  })

  it("finds the order on Order operations through the Test filter, with a Test badge", async () => {
    await page.getByRole("link", { name: "Order operations" }).first().click()
    await page.waitForURL("**/app/order-ops**")
    await page.getByTestId("order-ops-table").waitFor()

    await page.getByTestId("order-ops-filter-test").click()
    await page.getByRole("menuitemradio", { name: "Test orders" }).click()
    await page.waitForURL(/is_test=true/)

    // The operations list reads a status projection that a subscriber writes once the
    // order is placed; give it a few reloads to catch up.
    for (let attempt = 0; attempt < 10 && !(await opsRow(orderId).isVisible()); attempt++) {
      await page.waitForTimeout(1000)
      if (attempt % 3 === 2) {
        await page.reload()
        await page.getByTestId("order-ops-page").waitFor()
      }
    }
    const row = opsRow(orderId)
    await row.waitFor()
    expect(await row.getByTestId("order-ops-test-badge").textContent()).toBe("Test")
    // Every row shown is a test order: the server filtered, the page only shows.
    await page.waitForFunction(() =>
      [...document.querySelectorAll('[data-testid="order-ops-row"]')].every((r) =>
        r.querySelector('[data-testid="order-ops-test-badge"]')
      )
    )
    expect(await page.getByTestId("purge-test-orders-button").isEnabled()).toBe(true)

    await row.click()
    await page.waitForURL(`**/app/orders/${orderId}`)
    await banner().waitFor()
  })

  it("deletes the test order after confirming, lands on the order list, and the order is gone", async () => {
    await banner().getByTestId("delete-test-order-button").click()
    const dialog = page.getByRole("alertdialog")
    await dialog.waitFor()
    expect(await dialog.textContent()).toContain("Delete test order #")
    await dialog.getByRole("button", { name: "Delete test order" }).click()

    await page.waitForURL(/\/app\/orders(\?.*)?$/)
    expect(await apiStatus(`/admin/orders/${orderId}`)).toBe(404)
    const list = await page.evaluate(async () =>
      (await fetch("/admin/order-ops/orders?is_test=true&limit=100", { credentials: "include" })).json()
    )
    expect(list.orders.map((o: { id: string }) => o.id)).not.toContain(orderId)
  })
})
