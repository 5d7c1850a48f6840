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
 * A merchant in the demo store's admin: log in, open an order, add, edit and
 * delete a note, and see each step on the order's timeline.
 */
describe("order notes and timeline in the Medusa admin (Chromium)", () => {
  let browser: Browser
  let page: Page

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: findChromium()!, args: CHROMIUM_ARGS })
    page = await browser.newPage({ viewport: { width: 1440, height: 1100 } })
    page.setDefaultTimeout(90 * 1000)
  })

  afterEach(async () => {
    // Keep a picture of the page whenever a step fails, for whoever reads the CI log.
    const state = expect.getState()
    if (page && state.currentTestName && (state.assertionCalls ?? 0) >= 0) {
      const dir = failures
      fs.mkdirSync(dir, { recursive: true })
      await page
        .screenshot({ path: path.join(dir, `${state.currentTestName.replace(/\W+/g, "-").slice(-80)}.png`), fullPage: true })
        .catch(() => undefined)
    }
  })

  afterAll(async () => {
    await browser?.close()
  })

  const notesWidget = () => page.getByTestId("order-notes-widget")
  const timeline = () => page.getByTestId("order-timeline-widget")
  const timelineEntry = (kind: string, text: string) =>
    timeline().locator(`[data-testid="timeline-entry"][data-kind="${kind}"]`).filter({ hasText: text })

  it("logs in and opens a seeded order", async () => {
    await page.goto(`${baseUrl}/app/login`)
    await page.locator('input[name="email"]').fill(email)
    await page.locator('input[name="password"]').fill(password)
    await page.locator('button[type="submit"]').click()
    await page.waitForURL("**/app/orders**")

    const firstRow = page.locator("table tbody tr").first()
    await firstRow.waitFor()
    await firstRow.click()
    await page.waitForURL(/\/app\/orders\/order_[A-Z0-9]+/)
    await notesWidget().waitFor()
    await timeline().getByTestId("order-timeline").waitFor()
    expect(await timeline().locator('[data-kind="order.placed"]').count()).toBe(1)
  })

  it("adds a note and sees it on the timeline", async () => {
    const body = `Gift wrap requested ${Date.now()}`
    await notesWidget().getByTestId("add-note-form").locator("textarea").fill(body)
    await notesWidget().getByRole("button", { name: "Add note" }).click()

    const note = notesWidget().getByTestId("order-note").filter({ hasText: body })
    await note.waitFor()
    // The author is the logged-in admin (the demo's admin has no name, so its email shows).
    expect(await note.textContent()).toContain(email)
    await timelineEntry("note.created", body).waitFor()
  })

  it("edits the note inline, keeps the old text as a revision, and sees the edit on the timeline", async () => {
    const note = notesWidget().getByTestId("order-note").first()
    const before = (await note.getByTestId("order-note-body").textContent())!
    await note.getByRole("button", { name: "Note actions" }).click()
    await page.getByRole("menuitem", { name: "Edit" }).click()
    const edited = `${before} — use the blue paper`
    await note.getByTestId("edit-note-form").locator("textarea").fill(edited)
    await note.getByRole("button", { name: "Save" }).click()

    await notesWidget().getByTestId("order-note-body").filter({ hasText: "use the blue paper" }).waitFor()
    await timelineEntry("note.updated", "use the blue paper").waitFor()

    await note.getByRole("button", { name: "Note actions" }).click()
    await page.getByRole("menuitem", { name: /Show revisions/ }).click()
    const revisions = note.getByTestId("order-note-revisions")
    await revisions.waitFor()
    expect(await revisions.textContent()).toContain(before)

    fs.mkdirSync(screenshots, { recursive: true })
    await page.screenshot({ path: path.join(screenshots, "order-notes-timeline.png"), fullPage: true })
  })

  it("deletes the note after confirming, and sees the deletion on the timeline", async () => {
    const note = notesWidget().getByTestId("order-note").first()
    const body = (await note.getByTestId("order-note-body").textContent())!
    const noteCount = await notesWidget().getByTestId("order-note").count()
    await page.keyboard.press("Escape")
    await page.getByRole("menu").waitFor({ state: "detached" })
    await note.getByRole("button", { name: "Note actions" }).click()
    await page.getByRole("menuitem", { name: "Delete" }).click()
    const dialog = page.getByRole("alertdialog")
    await dialog.waitFor()
    await dialog.getByRole("button", { name: "Delete" }).click()
    await dialog.waitFor({ state: "detached" })

    await timelineEntry("note.deleted", body.slice(0, 40)).waitFor()
    await page.waitForFunction(
      ([expected]) => document.querySelectorAll('[data-testid="order-note"]').length === expected,
      [noteCount - 1]
    )
    expect(await notesWidget().getByTestId("order-note").filter({ hasText: body }).count()).toBe(0)
    await page.screenshot({ path: path.join(screenshots, "order-notes-deleted.png"), fullPage: true })
  })
})
