import type { Page } from "playwright-core"
import { baseUrl, logIn, screenshot, toastsGone, useAdminPage } from "./harness"
import { adminToken, call, type Json, placePaidDigitalOrder, until, variantBySku } from "./store-api"

jest.setTimeout(8 * 60 * 1000)

/**
 * License codes from the merchant's side: an order for two licenses when the
 * pool holds one shows the code it got and why the other waits; after the
 * merchant tops the pool up, Retry now delivers it, shows both codes and the
 * order completes itself. A second order stuck on an empty pool is completed
 * by hand, with the merchant's note kept on the order.
 */
describe("license codes and completing an order in the Medusa admin (Chromium)", () => {
  const adminPage = useAdminPage()
  let page: Page
  let token: string
  let poolId: string
  let productId: string
  let variantId: string
  let firstOrder: string
  const stamp = Date.now()
  const firstCode = `SEAT-${stamp}-A`
  const topUp = `SEAT-${stamp}-B`

  const widget = () => page.getByTestId("order-digital-delivery-widget")
  const licenseDelivery = () => widget().locator('[data-testid="delivery"][data-method="license_code"]')
  const deliveriesOf = async (orderId: string) => (await call(`/admin/orders/${orderId}/deliveries`, { token })).deliveries as Json[]
  const orderStatus = async (orderId: string) => (await call(`/admin/orders/${orderId}?fields=id,status`, { token })).order.status as string

  beforeAll(async () => {
    page = adminPage()
    token = await adminToken()
    variantId = await variantBySku(token, "OOPS-LICENSE-1")
  })

  afterAll(async () => {
    // Other browser specs share the demo store: leave its catalog as it was.
    if (productId) await call(`/admin/delivery-products/${productId}`, { method: "DELETE", token }).catch(() => undefined)
    if (poolId) await call(`/admin/license-pools/${poolId}`, { method: "DELETE", token }).catch(() => undefined)
  })

  it("sells two licenses from a pool holding one: the order waits for the second code", async () => {
    poolId = (await call("/admin/license-pools", { token, body: { name: `Seats ${stamp}` } })).license_pool.id
    await call(`/admin/license-pools/${poolId}/codes`, { token, body: { codes: firstCode } })
    productId = (
      await call("/admin/delivery-products", { token, body: { variant_id: variantId, method: "license_code", settings: { pool_id: poolId } } })
    ).delivery_product.id
    firstOrder = await placePaidDigitalOrder(token, [{ variant_id: variantId, quantity: 2 }])
    const [waiting] = await until("the license delivery's first attempt", async () => {
      const list = await deliveriesOf(firstOrder)
      return list.length === 1 && list[0].attempts > 0 && list
    })
    expect(waiting).toMatchObject({ method: "license_code", status: "pending" })
    expect(waiting.last_error).toMatch(/License pool is empty: 1 of 2/)
  })

  it("shows the code already assigned and why the rest waits", async () => {
    await logIn(page)
    await page.goto(`${baseUrl}/app/orders/${firstOrder}`)
    await widget().waitFor()
    await licenseDelivery().and(page.locator('[data-status="pending"]')).waitFor()
    expect(await licenseDelivery().getByTestId("delivery-status").textContent()).toBe("Pending")
    expect(await licenseDelivery().getByTestId("delivery-code-value").allTextContents()).toEqual([firstCode])
    expect(await licenseDelivery().getByTestId("delivery-last-error").textContent()).toMatch(/pool is empty: 1 of 2 code\(s\) assigned/)
    expect(await licenseDelivery().getByTestId("delivery-next-attempt").textContent()).toMatch(/^Next attempt/)
    expect(await widget().getByTestId("digital-order-completed").count()).toBe(0)
    await toastsGone(page).catch(() => undefined)
    await widget().scrollIntoViewIfNeeded()
    await screenshot(page, "digital-delivery-license-waiting.png")
  })

  it("delivers the second code on Retry now once the pool is topped up, and the order completes itself", async () => {
    await call(`/admin/license-pools/${poolId}/codes`, { token, body: { codes: topUp } })
    await licenseDelivery().getByTestId("delivery-retry").click()
    await licenseDelivery().and(page.locator('[data-status="delivered"]')).waitFor()
    expect(await licenseDelivery().getByTestId("delivery-status").textContent()).toBe("Delivered")
    expect((await licenseDelivery().getByTestId("delivery-code-value").allTextContents()).sort()).toEqual([firstCode, topUp].sort())
    expect(await licenseDelivery().getByTestId("delivery-last-error").count()).toBe(0)
    // Everything in the order reached the customer: Medusa's complete-order workflow ran, and the widget says so.
    await until("the order to complete itself", async () => (await orderStatus(firstOrder)) === "completed")
    await widget().getByTestId("digital-order-completed").waitFor({ timeout: 30_000 })
    const { license_pool } = await call(`/admin/license-pools/${poolId}`, { token })
    expect(license_pool.counts).toMatchObject({ available: 0, assigned: 2 })
  })

  it("completes an order stuck on an empty pool by hand, keeping the merchant's note", async () => {
    const stuck = await placePaidDigitalOrder(token, [{ variant_id: variantId, quantity: 1 }])
    await until("the stuck delivery's first attempt", async () => (await deliveriesOf(stuck))[0]?.attempts > 0)
    await page.goto(`${baseUrl}/app/orders/${stuck}`)
    await widget().waitFor()
    await licenseDelivery().and(page.locator('[data-status="pending"]')).waitFor()
    expect(await licenseDelivery().getByTestId("delivery-code").count()).toBe(0)

    await widget().getByTestId("digital-delivery-actions").click()
    await page.getByTestId("digital-delivery-complete").click()
    const drawer = page.getByTestId("complete-order-drawer")
    await drawer.getByTestId("notes-form").waitFor()
    const note = `Out of seats; refunded the license separately (${stamp}).`
    await drawer.getByTestId("delivery-notes").fill(note)
    await drawer.getByTestId("notes-form-submit").click()
    await drawer.waitFor({ state: "detached" })
    await widget().getByTestId("digital-order-completed").waitFor()
    expect(await widget().getByTestId("digital-delivery-complete").count()).toBe(0)

    expect(await orderStatus(stuck)).toBe("completed")
    const { notes } = await call(`/admin/orders/${stuck}/notes`, { token })
    expect(notes.map((n: Json) => [n.body, n.visible_to_customer])).toContainEqual([note, false])
    // The delivery itself is left as it was: completing the order is not delivering the code.
    expect((await deliveriesOf(stuck))[0].status).toBe("pending")
    await toastsGone(page).catch(() => undefined)
    await widget().scrollIntoViewIfNeeded()
    await screenshot(page, "digital-delivery-completed-by-hand.png")
  })
})
