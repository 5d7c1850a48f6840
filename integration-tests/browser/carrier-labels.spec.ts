import type { Page } from "playwright-core"
import { baseUrl, logIn, screenshot, toastsGone, useAdminPage } from "./harness"

jest.setTimeout(6 * 60 * 1000)

type Candidate = {
  id: string
  display_id: number
  units: number
  shipments: number
  international: boolean
  is_test: boolean
}

/**
 * A merchant buys a carrier label from the order page with the demo's
 * sandbox carrier: picks a parcel template, compares rates, buys the
 * cheapest, prints the label (a PDF in a new tab) and voids it.
 */
describe("carrier labels in the Medusa admin (Chromium)", () => {
  const adminPage = useAdminPage()
  let page: Page
  let order: Candidate
  let cheapestAmount: string
  let labelId: string

  beforeAll(() => {
    page = adminPage()
  })

  const widget = () => page.getByTestId("order-shipments-widget")
  const modal = () => page.getByTestId("carrier-label-modal")
  /** The card of the label bought here (a re-run on the same store may find older, voided ones). */
  const labelCard = () => widget().locator(`[data-testid="shipment-label"][data-label-id="${labelId}"]`)

  /** Scrolls the dashboard's own scroll container (scrollIntoView would shift the whole shell). */
  const scrollTo = (testId: string) =>
    page.getByTestId(testId).evaluate((el) => {
      let box = el.parentElement
      while (box && !(box.scrollHeight > box.clientHeight && /auto|scroll/.test(getComputedStyle(box).overflowY))) {
        box = box.parentElement
      }
      if (box) box.scrollTop += el.getBoundingClientRect().top - box.getBoundingClientRect().top - 24
    })

  it("logs in and opens a paid order with something left to ship", async () => {
    await logIn(page)

    // Ask the API with the page's session. order-shipments.spec takes the order with the most
    // units left; this one takes the fewest, so the two never ship the same order.
    const candidates: Candidate[] = await page.evaluate(async () => {
      const get = (url: string) => fetch(url, { credentials: "include" }).then((r) => r.json())
      const list = await get("/admin/order-ops/orders?fulfillment_status=unfulfilled&payment_status=paid&limit=50")
      return Promise.all(
        list.orders.map(async (o: { id: string; display_id: number; is_test: boolean }) => {
          const [detail, defaults] = await Promise.all([
            get(`/admin/orders/${o.id}/shipments`),
            get(`/admin/orders/${o.id}/label-defaults`),
          ])
          const units = detail.fulfillable_items.reduce(
            (sum: number, item: { fulfillable_quantity: number }) => sum + item.fulfillable_quantity,
            0
          )
          return {
            id: o.id,
            display_id: o.display_id,
            units,
            shipments: detail.shipments.length,
            international: !!defaults.international,
            is_test: o.is_test,
          }
        })
      )
    })
    // Domestic orders first (no customs form), then the fewest units.
    const shippable = candidates
      .filter((c) => c.units > 0 && !c.is_test)
      .sort(
        (a, b) =>
          Number(a.international) - Number(b.international) || a.shipments - b.shipments || a.units - b.units
      )
    expect(shippable.length).toBeGreaterThan(0)
    order = shippable[0]

    await page.goto(`${baseUrl}/app/orders/${order.id}`)
    await widget().getByTestId("create-shipment-button").waitFor()
  })

  it("quotes the sandbox carrier for a parcel template, cheapest first", async () => {
    await widget().getByTestId("create-shipment-button").click()
    await page.getByRole("menuitem", { name: "Carrier label…" }).click()
    await modal().getByTestId("carrier-label-form").waitFor()

    // Prefilled: everything left to ship, both addresses summarized with an Edit button.
    const quantities = await modal().getByTestId("label-item-quantity").evaluateAll((els) =>
      els.map((el) => Number((el as HTMLInputElement).value))
    )
    expect(quantities.reduce((a, b) => a + b, 0)).toBe(order.units)
    await modal().getByTestId("label-from-summary").waitFor()
    await modal().getByTestId("label-to-summary").waitFor()
    expect(await modal().getByTestId("label-buy").isDisabled()).toBe(true)

    await modal().getByTestId("label-parcel-template").click()
    await page.getByRole("option", { name: /^Small box/ }).click()
    expect(await modal().getByTestId("label-parcel-template").textContent()).toContain("Small box")

    if (order.international) {
      const lines = modal().getByTestId("label-customs-item")
      for (let i = 0; i < (await lines.count()); i++) {
        await lines.nth(i).getByTestId("label-customs-hs-code").fill("6109.10")
        await lines.nth(i).getByTestId("label-customs-origin").fill("DK")
      }
    }

    await modal().getByTestId("label-get-rates").click()
    await modal().getByTestId("label-rate").first().waitFor()
    const rates = await modal()
      .getByTestId("label-rate")
      .evaluateAll((els) => els.map((el) => ({ amount: Number(el.getAttribute("data-amount")), carrier: el.getAttribute("data-carrier") })))
    expect(rates.length).toBeGreaterThan(1)
    expect(rates.every((r) => r.carrier === "sandbox")).toBe(true)
    const amounts = rates.map((r) => r.amount)
    expect(amounts).toEqual([...amounts].sort((a, b) => a - b))
    expect(await modal().getByTestId("label-rate-eta").first().textContent()).toMatch(/Est\. delivery|business day/)
    // Nothing is chosen yet, so nothing can be bought.
    expect(await modal().getByTestId("label-buy").isDisabled()).toBe(true)
    await screenshot(page, "carrier-label-rates.png", false)
  })

  it("buys the cheapest rate once, even on a double click, and sees its cost on the shipment", async () => {
    const cheapest = modal().getByTestId("label-rate").first()
    cheapestAmount = (await cheapest.getByTestId("label-rate-amount").textContent()) ?? ""
    expect(cheapestAmount).toMatch(/\d/)
    await cheapest.click()
    expect(await modal().getByTestId("label-buy").isEnabled()).toBe(true)
    expect(await modal().getByTestId("label-buy-summary").textContent()).toContain(cheapestAmount)

    await modal().getByTestId("label-buy").dblclick()
    await modal().waitFor({ state: "detached" })

    const bought = widget().locator('[data-testid="shipment-label"][data-label-status="purchased"]')
    await bought.waitFor()
    labelId = (await bought.getAttribute("data-label-id")) as string
    expect(await labelCard().getByTestId("shipment-label-cost").textContent()).toBe(cheapestAmount)
    expect(await labelCard().getByTestId("shipment-label-status").textContent()).toBe("Label purchased")

    const shipment = widget().locator(`[data-testid="shipment"]:has([data-label-id="${labelId}"])`)
    await shipment.locator('[data-testid="shipment-status"][data-status="shipped"], [data-testid="shipment-status"][data-status="awaiting_shipment"]').waitFor()
    expect(await shipment.getByTestId("shipment-tracking-number").textContent()).toMatch(/\w+/)

    // One label bought: the double click sent one purchase (or the same idempotency key twice).
    const labels: { status: string }[] = await page.evaluate(
      (id) => fetch(`/admin/orders/${id}/labels`, { credentials: "include" }).then((r) => r.json()).then((b) => b.labels),
      order.id
    )
    expect(labels.filter((l) => l.status === "purchased")).toHaveLength(1)

    await page.locator('[data-testid="timeline-entry"][data-kind="label.purchased"]').first().waitFor()
    await toastsGone(page)
    await scrollTo("order-shipments-widget")
    await screenshot(page, "carrier-label-shipment.png", false)
  })

  it("prints the label: a new tab whose response is the PDF", async () => {
    const print = labelCard().getByTestId("shipment-label-print")
    expect(await print.getAttribute("target")).toBe("_blank")
    const href = (await print.getAttribute("href")) as string
    expect(href).toMatch(new RegExp(`/admin/labels/${labelId}/file$`))

    const fileResponse = page
      .context()
      .waitForEvent("response", { predicate: (r) => r.url().endsWith(`/admin/labels/${labelId}/file`), timeout: 30 * 1000 })
    const [popup] = await Promise.all([page.waitForEvent("popup"), print.click()])
    const response = await fileResponse
    expect(response.status()).toBe(200)
    expect(response.headers()["content-type"]).toMatch(/^application\/pdf/)
    expect(popup.url()).toMatch(new RegExp(`/admin/labels/${labelId}/file$`))
    // Chromium hands the tab's PDF to its viewer, and Playwright then reports the viewer's page as the
    // body: read the same URL's bytes from the admin page, with the same session cookie.
    const file = await page.evaluate(async (url) => {
      const res = await fetch(url, { credentials: "include" })
      const bytes = new Uint8Array(await res.arrayBuffer()).slice(0, 5)
      return { status: res.status, type: res.headers.get("content-type"), head: String.fromCharCode(...bytes) }
    }, href)
    expect(file).toEqual({ status: 200, type: expect.stringMatching(/^application\/pdf/), head: "%PDF-" })
    await popup.close()
  })

  it("voids the label after confirming; the refund status shows and the shipment is canceled", async () => {
    await labelCard().getByTestId("shipment-label-void").click()
    const dialog = page.getByRole("alertdialog")
    await dialog.waitFor()
    expect(await dialog.textContent()).toContain(cheapestAmount)
    await dialog.getByRole("button", { name: "Void label" }).click()

    await widget().locator(`[data-testid="shipment-label"][data-label-id="${labelId}"][data-label-status="voided"]`).waitFor()
    const refund = labelCard().getByTestId("shipment-label-refund")
    await refund.waitFor()
    expect(await refund.getAttribute("data-status")).toMatch(/^(submitted|pending|refunded)$/)
    expect(await refund.textContent()).toMatch(/^Refund(ed| submitted| pending)$/)
    await widget().locator(`[data-testid="shipment"][data-status="canceled"]:has([data-label-id="${labelId}"])`).waitFor()
    // A voided label can no longer be printed or voided again.
    expect(await labelCard().getByTestId("shipment-label-print").count()).toBe(0)
    expect(await labelCard().getByTestId("shipment-label-void").count()).toBe(0)

    await page.locator('[data-testid="timeline-entry"][data-kind="label.voided"]').first().waitFor()
    await toastsGone(page)
    await scrollTo("order-shipments-widget")
    await screenshot(page, "carrier-label-voided.png", false)
  })
})
