import type { Page } from "playwright-core"
import { baseUrl, logIn, screenshot, toastsGone, useAdminPage } from "./harness"

jest.setTimeout(6 * 60 * 1000)

type Candidate = { id: string; display_id: number; units: number }

/**
 * A merchant ships a paid order in two parts from the order page, marks each
 * part delivered, watches the order's status follow, and finds the order on
 * the Order operations page through a status filter.
 */
describe("shipments and the order operations page in the Medusa admin (Chromium)", () => {
  const adminPage = useAdminPage()
  let page: Page
  let order: Candidate

  beforeAll(() => {
    page = adminPage()
  })

  const widget = () => page.getByTestId("order-shipments-widget")
  const fulfillmentBadge = (status: string) =>
    widget().locator(`[data-testid="order-fulfillment-status"][data-status="${status}"]`)
  const shipments = () => widget().getByTestId("shipment")
  const drawer = () => page.getByTestId("create-shipment-drawer")

  /** Opens a shipment's ⋯ menu and picks an action. */
  async function shipmentAction(index: number, action: string) {
    await shipments().nth(index).getByTestId("shipment-actions").click()
    await page.getByRole("menuitem", { name: action }).click()
    await page.getByRole("menu").waitFor({ state: "detached" })
  }

  it("logs in and opens a paid, unfulfilled order", async () => {
    await logIn(page)

    // Ask the API with the page's session which seeded orders are paid and unfulfilled,
    // and take the one with the most units left to ship (a partial shipment needs two).
    const candidates: Candidate[] = await page.evaluate(async () => {
      const list = await fetch("/admin/order-ops/orders?fulfillment_status=unfulfilled&payment_status=paid&limit=50", {
        credentials: "include",
      }).then((r) => r.json())
      return Promise.all(
        list.orders.map(async (o: { id: string; display_id: number }) => {
          const detail = await fetch(`/admin/orders/${o.id}/shipments`, { credentials: "include" }).then((r) => r.json())
          const units = detail.fulfillable_items.reduce(
            (sum: number, item: { fulfillable_quantity: number }) => sum + item.fulfillable_quantity,
            0
          )
          return { id: o.id, display_id: o.display_id, units }
        })
      )
    })
    candidates.sort((a, b) => b.units - a.units)
    expect(candidates[0]?.units).toBeGreaterThanOrEqual(2)
    order = candidates[0]

    await page.goto(`${baseUrl}/app/orders/${order.id}`)
    await widget().waitFor()
    await fulfillmentBadge("unfulfilled").waitFor()
    expect(await widget().getByTestId("order-payment-status").getAttribute("data-status")).toBe("paid")
    await widget().getByTestId("shipments-empty").waitFor()
  })

  it("shows the server's error for an international shipment without a tracking number", async () => {
    await widget().getByTestId("create-shipment-button").click()
    await page.getByRole("menuitem", { name: "Manual shipment…" }).click()
    await drawer().getByTestId("create-shipment-form").waitFor()
    await drawer().getByTestId("shipping-point-international").click()
    await drawer().getByTestId("create-shipment-submit").click()

    const error = drawer().getByTestId("shipment-tracking-number-field-error")
    await error.waitFor()
    expect(await error.textContent()).toMatch(/tracking number/)
    expect(await shipments().count()).toBe(0)
  })

  it("creates a partial shipment with UPS tracking and sees the order become partially fulfilled", async () => {
    await drawer().getByTestId("shipping-point-local").click()

    // One unit of the first item; nothing else.
    const quantities = drawer().getByTestId("shipment-item-quantity")
    const lines = await quantities.count()
    for (let i = 0; i < lines; i++) {
      if (await quantities.nth(i).isEnabled()) await quantities.nth(i).fill("0")
    }
    await quantities.first().fill("1")

    await drawer().getByTestId("shipment-carrier-select").click()
    await page.getByRole("option", { name: "UPS", exact: true }).click()
    const tracking = `1Z${Date.now()}`
    await drawer().getByTestId("shipment-tracking-number").fill(tracking)
    // The URL is left empty: the server builds UPS's tracking link.
    expect(await drawer().textContent()).toContain("UPS's tracking page")

    await drawer().getByTestId("create-shipment-submit").click()
    await drawer().waitFor({ state: "detached" })

    const shipment = shipments().first()
    await shipment.locator('[data-testid="shipment-status"][data-status="shipped"]').waitFor()
    expect(await shipment.getByTestId("shipment-status").textContent()).toBe("Shipped")
    expect(await shipment.getByTestId("shipment-items").textContent()).toMatch(/^1×/)
    expect(await shipment.getByTestId("shipment-tracking-number").textContent()).toBe(tracking)
    const trackHref = await shipment.getByTestId("shipment-track").getAttribute("href")
    expect(trackHref).toContain("ups.com")
    expect(trackHref).toContain(tracking)
    expect(await shipment.getByTestId("shipment-track").getAttribute("target")).toBe("_blank")

    await fulfillmentBadge("partially_fulfilled").waitFor()
    expect(await widget().getByTestId("order-fulfillment-status").textContent()).toBe("Partially fulfilled")
  })

  it("marks the shipment delivered and sees its history", async () => {
    await shipmentAction(0, "Mark as delivered")
    const shipment = shipments().first()
    await shipment.locator('[data-testid="shipment-status"][data-status="delivered"]').waitFor()
    // The rest of the order is still to ship, so the order stays partially fulfilled.
    expect(await widget().getByTestId("order-fulfillment-status").getAttribute("data-status")).toBe(
      "partially_fulfilled"
    )

    await shipment.getByTestId("shipment-history-toggle").click()
    const history = shipment.getByTestId("shipment-history")
    await history.waitFor()
    // Newest first.
    expect(await history.getByTestId("shipment-event").first().getAttribute("data-status")).toBe("delivered")
    // A delivered shipment can only be edited now: the menu follows the server's allowed moves.
    await shipment.getByTestId("shipment-actions").click()
    const menu = page.getByRole("menu")
    await menu.waitFor()
    expect(await menu.getByRole("menuitem").allTextContents()).toEqual(["Edit…"])
    await page.keyboard.press("Escape")
    await menu.waitFor({ state: "detached" })
  })

  it("ships the rest, delivers it, and sees the order's status go to Fulfilled, then Delivered", async () => {
    await widget().getByTestId("create-shipment-button").click()
    await page.getByRole("menuitem", { name: "Manual shipment…" }).click()
    await drawer().getByTestId("create-shipment-form").waitFor()
    // Quantities default to everything left to ship.
    await drawer().getByTestId("shipment-carrier-select").click()
    await page.getByRole("option", { name: "Other…" }).click()
    await drawer().getByTestId("shipment-carrier-other").fill("Bike courier")
    await drawer().getByTestId("create-shipment-submit").click()
    await drawer().waitFor({ state: "detached" })

    await page.waitForFunction(() => document.querySelectorAll('[data-testid="shipment"]').length === 2)
    await fulfillmentBadge("fulfilled").waitFor()

    const second = widget().locator('[data-testid="shipment"]:has([data-testid="shipment-status"][data-status="shipped"])')
    await second.getByTestId("shipment-actions").click()
    await page.getByRole("menuitem", { name: "Mark as delivered" }).click()
    await fulfillmentBadge("delivered").waitFor()
    expect(await widget().getByTestId("order-fulfillment-status").textContent()).toBe("Delivered")
    expect(await widget().locator('[data-testid="shipment-status"][data-status="delivered"]').count()).toBe(2)

    await shipments().first().getByTestId("shipment-history").waitFor()
    // Scroll the dashboard's own scroll container (scrollIntoView would shift the whole shell).
    await widget().evaluate((el) => {
      let box = el.parentElement
      while (box && !(box.scrollHeight > box.clientHeight && /auto|scroll/.test(getComputedStyle(box).overflowY))) {
        box = box.parentElement
      }
      if (box) box.scrollTop += el.getBoundingClientRect().top - box.getBoundingClientRect().top - 24
    })
    await toastsGone(page)
    await screenshot(page, "order-shipments.png")
  })

  it("finds the order on the Order operations page through the status filter and opens it", async () => {
    await page.getByRole("link", { name: "Order operations" }).first().click()
    await page.waitForURL("**/app/order-ops**")
    await page.getByTestId("order-ops-table").waitFor()

    await page.getByTestId("order-ops-filter-fulfillment").click()
    await page.getByRole("menuitemcheckbox", { name: "Delivered", exact: true }).click()
    await page.keyboard.press("Escape")
    await page.waitForURL(/fulfillment_status=delivered/)

    const row = page.locator(`[data-testid="order-ops-row"][data-order-id="${order.id}"]`)
    await row.waitFor()
    // Every row shown is delivered: the server filtered, the page only shows.
    await page.waitForFunction(() =>
      [...document.querySelectorAll('[data-testid="order-ops-row"] [data-testid="order-ops-fulfillment-status"]')].every(
        (badge) => badge.getAttribute("data-status") === "delivered"
      )
    )
    expect(await row.getByTestId("order-ops-shipments").textContent()).toContain("2 shipments")
    expect(await row.textContent()).toContain(`#${order.display_id}`)

    // Search by display id narrows it to this order; the URL keeps the whole view.
    await page.getByTestId("order-ops-search").fill(String(order.display_id))
    await page.waitForURL(new RegExp(`q=${order.display_id}`))
    await page.waitForFunction(
      ([id]) => {
        const rows = document.querySelectorAll('[data-testid="order-ops-row"]')
        return rows.length >= 1 && [...rows].some((r) => r.getAttribute("data-order-id") === id)
      },
      [order.id]
    )
    expect(page.url()).toContain("fulfillment_status=delivered")

    await page.getByTestId("order-ops-search").fill("")
    await page.waitForFunction(() => !new URL(location.href).searchParams.has("q"))
    await row.waitFor()
    await toastsGone(page)
    await screenshot(page, "order-operations.png")

    await row.click()
    await page.waitForURL(`**/app/orders/${order.id}`)
    await widget().waitFor()
  })
})
