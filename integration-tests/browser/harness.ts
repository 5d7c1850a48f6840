import fs from "fs"
import path from "path"
import { chromium, type Browser, type Page } from "playwright-core"
import { CHROMIUM_ARGS, findChromium } from "./chromium"

/** The demo store started by global-setup.js. */
export const baseUrl = process.env.ORDER_OPS_BROWSER_BASE_URL as string
export const adminEmail = process.env.DEMO_ADMIN_EMAIL || "admin@medusa-order-ops.test"
export const adminPassword = process.env.DEMO_ADMIN_PASSWORD || "supersecret"

// `medusa develop` restarts on any file written in the project outside dot-folders, so
// pictures go to .test-results while the store runs; global teardown copies the
// screenshots to docs/screenshots once it has stopped.
const screenshots = path.resolve(__dirname, "../../.test-results/screenshots")
const pictures = path.resolve(__dirname, "../../.test-results/browser-steps")

/**
 * One Chromium page for a spec file: launched before the first test, a
 * picture of the page after every test (for whoever reads a failing CI log),
 * closed after the last.
 */
export function useAdminPage(): () => Page {
  let browser: Browser
  let page: Page

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: findChromium()!, args: CHROMIUM_ARGS })
    page = await browser.newPage({ viewport: { width: 1440, height: 1100 } })
    page.setDefaultTimeout(90 * 1000)
  })

  afterEach(async () => {
    const name = expect.getState().currentTestName
    if (page && name) {
      fs.mkdirSync(pictures, { recursive: true })
      await page
        .screenshot({ path: path.join(pictures, `${name.replace(/\W+/g, "-").slice(-80)}.png`), fullPage: true })
        .catch(() => undefined)
    }
  })

  afterAll(async () => {
    await browser?.close()
  })

  return () => page
}

/** Logs in to the admin as the demo's admin and waits for the orders list. */
export async function logIn(page: Page): Promise<void> {
  await page.goto(`${baseUrl}/app/login`)
  await page.locator('input[name="email"]').fill(adminEmail)
  await page.locator('input[name="password"]').fill(adminPassword)
  await page.locator('button[type="submit"]').click()
  await page.waitForURL("**/app/orders**")
}

/** Saves a screenshot that ends up in docs/screenshots. */
export async function screenshot(page: Page, file: string, fullPage = true): Promise<void> {
  fs.mkdirSync(screenshots, { recursive: true })
  await page.screenshot({ path: path.join(screenshots, file), fullPage })
}

/** Waits for toasts to leave, so that screenshots show the page. */
export async function toastsGone(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelectorAll("[data-sonner-toast]").length === 0, undefined, {
    timeout: 20 * 1000,
  })
}

/** A GET to the admin API with the page's session: status, content type and body (base64, so files survive). */
export async function adminGet(page: Page, url: string): Promise<{ status: number; type: string; base64: string }> {
  return page.evaluate(async (u) => {
    const res = await fetch(u, { credentials: "include" })
    const bytes = new Uint8Array(await res.arrayBuffer())
    let binary = ""
    for (const b of bytes) binary += String.fromCharCode(b)
    return { status: res.status, type: res.headers.get("content-type") ?? "", base64: btoa(binary) }
  }, url)
}

/** A GET to the admin API with the page's session, its JSON body parsed. */
export async function adminJson<T>(page: Page, url: string): Promise<T> {
  return JSON.parse(Buffer.from((await adminGet(page, url)).base64, "base64").toString()) as T
}
