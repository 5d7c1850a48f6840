import type { Page } from "playwright-core"
import { baseUrl, logIn, screenshot, toastsGone, useAdminPage } from "./harness"

jest.setTimeout(6 * 60 * 1000)

/** A merchant creates a license pool, pastes three codes (one twice) and sees them available. */
describe("license pools in the Medusa admin (Chromium)", () => {
  const adminPage = useAdminPage()
  let page: Page
  const name = `Printer app ${Date.now()}`

  beforeAll(() => {
    page = adminPage()
  })

  const row = () => page.locator('[data-testid="license-pool-row"]').filter({ hasText: name })
  const codesDrawer = () => page.getByTestId("license-pool-codes-drawer")

  it("creates a pool and imports 3 codes by paste", async () => {
    await logIn(page)
    await page.goto(`${baseUrl}/app/settings/license-pools`)
    await page.getByTestId("license-pools-page").waitFor()

    await page.getByTestId("license-pool-create").click()
    const drawer = page.getByTestId("license-pool-drawer")
    await drawer.getByTestId("license-pool-name").fill(name)
    await drawer.getByTestId("license-pool-threshold").fill("5")
    await drawer.getByTestId("license-pool-submit").click()
    await drawer.waitFor({ state: "detached" })

    // A new pool opens straight on its codes.
    await codesDrawer().getByTestId("license-codes-empty").waitFor()
    await codesDrawer().getByTestId("license-codes-text").fill("AAAA-1111\nBBBB-2222\nCCCC-3333\nAAAA-1111\n")
    await codesDrawer().getByTestId("license-codes-import-submit").click()
    const result = codesDrawer().getByTestId("license-codes-import-result")
    await result.waitFor()
    expect(await result.textContent()).toBe("Imported 3, skipped 1")
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="license-code-row"]').length === 3)
    expect((await codesDrawer().getByTestId("license-code-value").allTextContents()).sort()).toEqual([
      "AAAA-1111",
      "BBBB-2222",
      "CCCC-3333",
    ])
    expect(await codesDrawer().getByTestId("license-pool-available").textContent()).toBe("3 available")

    // The status filter asks the server: no code has been assigned yet.
    await codesDrawer().getByTestId("license-codes-status-filter").click()
    await page.getByRole("option", { name: "Assigned" }).click()
    await codesDrawer().getByTestId("license-codes-empty").waitFor()
    await toastsGone(page).catch(() => undefined)
    await screenshot(page, "license-pool-codes.png")
    await page.keyboard.press("Escape")
    await codesDrawer().waitFor({ state: "detached" })
  })

  it("shows Available 3 in the table, flagged low on stock under the threshold of 5", async () => {
    await row().waitFor()
    expect(await row().getByTestId("license-pool-available-count").textContent()).toBe("3")
    expect(await row().getByTestId("license-pool-assigned-count").textContent()).toBe("0")
    expect(await row().getAttribute("data-low-stock")).toBe("true")
    await row().getByTestId("license-pool-low-stock").waitFor()
    await toastsGone(page).catch(() => undefined)
    await screenshot(page, "license-pools.png")
  })
})
