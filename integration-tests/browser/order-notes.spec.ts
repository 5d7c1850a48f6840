import type { Page } from "playwright-core"
import { adminEmail, logIn, screenshot, useAdminPage } from "./harness"

jest.setTimeout(6 * 60 * 1000)

/**
 * A merchant in the demo store's admin: log in, open an order, add, edit and
 * delete a note, and see each step on the order's timeline.
 */
describe("order notes and timeline in the Medusa admin (Chromium)", () => {
  const adminPage = useAdminPage()
  let page: Page

  beforeAll(() => {
    page = adminPage()
  })

  const notesWidget = () => page.getByTestId("order-notes-widget")
  const timeline = () => page.getByTestId("order-timeline-widget")
  const timelineEntry = (kind: string, text: string) =>
    timeline().locator(`[data-testid="timeline-entry"][data-kind="${kind}"]`).filter({ hasText: text })

  it("logs in and opens a seeded order", async () => {
    await logIn(page)

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
    expect(await note.textContent()).toContain(adminEmail)
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

    await screenshot(page, "order-notes-timeline.png")
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
    await screenshot(page, "order-notes-deleted.png")
  })
})
