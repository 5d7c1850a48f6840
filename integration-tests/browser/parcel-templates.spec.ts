import type { Page } from "playwright-core"
import { baseUrl, logIn, screenshot, toastsGone, useAdminPage } from "./harness"

jest.setTimeout(6 * 60 * 1000)

/**
 * A merchant opens Settings → Parcel templates, sees the demo's templates,
 * is told what is missing in the create form, and creates one.
 */
describe("parcel templates settings page in the Medusa admin (Chromium)", () => {
  const adminPage = useAdminPage()
  let page: Page

  beforeAll(() => {
    page = adminPage()
  })

  const drawer = () => page.getByTestId("parcel-template-drawer")
  const rows = () => page.getByTestId("parcel-template-row")

  it("finds Parcel templates in the settings and lists the demo's templates", async () => {
    await logIn(page)
    await page.goto(`${baseUrl}/app/settings`)
    await page.getByRole("link", { name: "Parcel templates" }).first().click()
    await page.waitForURL("**/app/settings/parcel-templates")
    await page.getByTestId("parcel-templates-table").waitFor()

    const names = await page.getByTestId("parcel-template-name").allTextContents()
    expect(names).toEqual(expect.arrayContaining(["Small box", "Medium box", "Poly mailer"]))
    // Exactly one is the default.
    expect(await page.getByTestId("parcel-template-default-badge").count()).toBeLessThanOrEqual(1)
  })

  it("shows what is missing, then creates a template that appears in the table", async () => {
    const name = `Wine crate ${Date.now()}`
    await page.getByTestId("parcel-template-create").click()
    await drawer().getByTestId("parcel-template-form").waitFor()

    await drawer().getByTestId("parcel-template-submit").click()
    await drawer().getByTestId("parcel-template-name-field-error").waitFor()
    expect(await drawer().getByTestId("parcel-template-length-field-error").textContent()).toMatch(/above 0/)

    await drawer().getByTestId("parcel-template-name").fill(name)
    await drawer().getByTestId("parcel-template-length").fill("36")
    await drawer().getByTestId("parcel-template-width").fill("26")
    await drawer().getByTestId("parcel-template-height").fill("12.5")
    await drawer().getByTestId("parcel-template-weight").fill("2.4")
    await drawer().getByTestId("parcel-template-submit").click()
    await drawer().waitFor({ state: "detached" })

    const row = rows().filter({ hasText: name })
    await row.waitFor()
    expect(await row.getByTestId("parcel-template-dimensions").textContent()).toBe("36 × 26 × 12.5 cm")
    expect(await row.getByTestId("parcel-template-weight").textContent()).toBe("2.4 kg")
    expect(await row.getAttribute("data-default")).toBe("false")

    await toastsGone(page)
    await screenshot(page, "parcel-templates.png", false)
  })
})
