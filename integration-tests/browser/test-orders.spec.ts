import type { Page } from "playwright-core"
import { logIn, screenshot, toastsGone, useAdminPage } from "./harness"

jest.setTimeout(6 * 60 * 1000)

/**
 * A merchant places a test order from the Order operations page with the
 * defaults, lands on it, finds it again through the Test filter, and deletes it.
 */
describe("test orders in the Medusa admin (Chromium)", () => {
  const adminPage = useAdminPage()
  let page: Page
  let orderId: string

  beforeAll(() => {
    page = adminPage()
  })

  const banner = () => page.getByTestId("order-test-order-widget")
  const drawer = () => page.getByTestId("place-test-order-drawer")
  const opsRow = (id: string) => page.locator(`[data-testid="order-ops-row"][data-order-id="${id}"]`)

  /** The status a GET to the admin API answers with, asked with the page's session. */
  const apiStatus = (url: string) =>
    page.evaluate(async (u) => (await fetch(u, { credentials: "include" })).status, url)

  it("logs in and sees the Place test order button above the order list", async () => {
    await logIn(page)
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
    await screenshot(page, "place-test-order.png", false)

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
    await toastsGone(page)
    await screenshot(page, "test-order.png", false)
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
