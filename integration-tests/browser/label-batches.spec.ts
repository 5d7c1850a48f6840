import type { Page } from "playwright-core"
import { extractText, getDocumentProxy } from "unpdf"
import type { AdminOrderShipmentsResponse } from "../../src/types/http/shipments"
import type { AdminPlaceTestOrderResponse } from "../../src/types/http/test-orders"
import { adminGet, adminJson, baseUrl, logIn, screenshot, toastsGone, useAdminPage } from "./harness"

jest.setTimeout(8 * 60 * 1000)

/**
 * A merchant selects two paid orders waiting to ship on the Order operations
 * page (test orders, placed here), buys their labels in one go from the demo's sandbox carrier (the
 * worker's sweep buys them; progress shows in the drawer), sees each order's
 * outcome and prints them all as one PDF. Each order then has a shipment
 * with its label.
 */
describe("bulk labels on the Order operations page (Chromium)", () => {
  const adminPage = useAdminPage()
  let page: Page

  beforeAll(() => {
    page = adminPage()
  })

  const apiGet = (url: string) => adminGet(page, url)
  const apiJson = <T,>(url: string) => adminJson<T>(page, url)

  it("buys the labels of two selected orders with the sandbox carrier and prints them as one PDF", async () => {
    await logIn(page)
    // Two paid orders of a mug to Copenhagen, where the demo ships from (domestic: no customs form),
    // placed as test orders so that no other spec's demo order is taken; test orders get sandbox labels.
    const products = await apiJson<{ products: { variants: { id: string; sku: string }[] }[] }>(
      "/admin/products?q=Enamel%20Mug&fields=id,variants.id,variants.sku"
    )
    const mug = products.products.flatMap((p) => p.variants).find((v) => v.sku === "OOPS-MUG-WHITE")
    expect(mug).toBeDefined()
    const chosen: string[] = []
    for (const name of ["Niels", "Margrethe"]) {
      const placed = await page.evaluate(
        async (body) => {
          const res = await fetch("/admin/test-orders", {
            method: "POST",
            credentials: "include",
            headers: { "content-type": "application/json" },
            body: JSON.stringify(body),
          })
          return { status: res.status, body: await res.json() }
        },
        {
          items: [{ variant_id: mug!.id, quantity: 1 }],
          payment: "paid",
          shipping_address: { first_name: name, last_name: "Bohr", address_1: "Blegdamsvej 17", city: "København", postal_code: "2100", country_code: "dk" },
        }
      )
      expect(placed.status).toBe(201)
      chosen.push((placed.body as AdminPlaceTestOrderResponse).order.id)
    }

    await page.goto(`${baseUrl}/app/order-ops?is_test=true`)
    await page.locator('[aria-busy="false"]:has([data-testid="order-ops-table"])').waitFor()
    for (const [i, id] of chosen.entries()) {
      // The order's row shows once its statuses are computed (a subscriber, right after placing).
      const row = page.locator(`[data-testid="order-ops-row"][data-order-id="${id}"]`)
      await row.waitFor({ timeout: 5000 }).catch(async () => {
        await page.reload()
        await row.waitFor()
      })
      await row.getByTestId("order-ops-select-row").click()
      await page.locator(`[data-testid="order-ops-selected-count"][data-count="${i + 1}"]`).waitFor()
    }

    await page.getByTestId("order-ops-bulk-buy-labels").click()
    const drawer = page.getByTestId("buy-labels-drawer")
    await drawer.getByTestId("buy-labels-form").waitFor()
    // A parcel template is picked already (the demo's default); the carrier is chosen: the sandbox.
    expect(((await drawer.getByTestId("buy-labels-template").textContent()) ?? "").trim()).not.toBe("")
    await drawer.getByTestId("buy-labels-carrier").click()
    await page.getByRole("option", { name: "Sandbox carrier" }).click()
    await screenshot(page, "buy-labels-drawer.png", false)
    const submit = drawer.getByTestId("buy-labels-submit")
    expect(await submit.textContent()).toContain("Buy 2 labels")
    await submit.click()

    // The worker's sweep (every minute) buys them; the drawer follows the batch to its end.
    const result = drawer.getByTestId("buy-labels-result")
    const settled = await result
      .waitFor({ timeout: 4 * 60 * 1000 })
      .then(() => null)
      .catch((e: Error) => e.message)
    const said = await drawer.textContent()
    expect({ settled, said }).toEqual({ settled: null, said: expect.stringContaining("2 labels bought") })
    expect(await drawer.getByTestId("buy-labels-result-row").count()).toBe(2)
    await toastsGone(page)
    await screenshot(page, "buy-labels-result.png", false)

    const link = drawer.getByTestId("buy-labels-print-all")
    expect(await link.textContent()).toContain("2 labels, one PDF")
    const pdf = await apiGet((await link.getAttribute("href"))!)
    expect(pdf.status).toBe(200)
    expect(pdf.type).toContain("application/pdf")
    const doc = await getDocumentProxy(new Uint8Array(Buffer.from(pdf.base64, "base64")))
    expect(doc.numPages).toBe(2)

    // Each order was shipped with its label: the tracking number in the merged file is that label's.
    const { text } = await extractText(doc, { mergePages: true })
    for (const id of chosen) {
      const detail = await apiJson<AdminOrderShipmentsResponse>(`/admin/orders/${id}/shipments`)
      const withLabel = detail.shipments.filter((s) => s.label && s.label.carrier === "sandbox")
      expect(withLabel).toHaveLength(1)
      expect(withLabel[0].tracking_number).toBeTruthy()
      expect(text.replace(/\s+/g, "")).toContain(withLabel[0].tracking_number!.replace(/\s+/g, ""))
    }
    await page.keyboard.press("Escape")
    await drawer.waitFor({ state: "detached" })
  })
})
