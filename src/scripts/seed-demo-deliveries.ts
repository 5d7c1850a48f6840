/**
 * The demo store's digital delivery: one product per method, a license code
 * pool, the e-book file, and a few paid orders whose deliveries the merchant
 * can watch — one of them waits for an outside service that is offline at
 * first. The outside services are small local stand-ins that `npm start`
 * (scripts/demo.mjs) runs beside the store:
 *
 * | stand-in | address | behaviour |
 * |---|---|---|
 * | partner webhook receiver (Standard Webhooks) | 127.0.0.1:9401 | offline for the first 3 minutes, then accepts |
 * | game server (Source RCON) | 127.0.0.1:9402, password `demo-rcon-password` | player `Steve` online, `Alex` offline |
 * | Discord API | 127.0.0.1:9403/api/v10 | guild with the VIP role and one member |
 *
 * Called by seed-demo.ts outside tests (`NODE_ENV=test` and
 * `ORDER_OPS_DEMO_DELIVERY=0` skip it). Idempotent: what exists is kept.
 */
import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { PDFDocument, StandardFonts, rgb } from "pdf-lib"
import { DIGITAL_DELIVERY_MODULE } from "../modules/digital-delivery"
import type DigitalDeliveryModuleService from "../modules/digital-delivery/service"
import { saveDeliveryProductWorkflow, saveLicensePoolWorkflow, importLicenseCodesWorkflow } from "../workflows/digital-delivery/workflows/catalog"
import { createOrderDeliveriesWorkflow } from "../workflows/digital-delivery/workflows/create-order-deliveries"
import { runDeliveryWorkflow } from "../workflows/digital-delivery/workflows/run-delivery"
import { autoCompleteOrderWorkflow } from "../workflows/digital-delivery/workflows/auto-complete-order"

/** Where the stand-ins listen (scripts/demo.mjs starts them on the same ports). */
export const DEMO_STAND_INS = {
  webhook_url: `http://127.0.0.1:${process.env.ORDER_OPS_DEMO_WEBHOOK_PORT || 9401}/fulfil`,
  webhook_secret: `whsec_${Buffer.from("order-ops-demo-partner-secret-24").toString("base64")}`,
  rcon_port: Number(process.env.ORDER_OPS_DEMO_RCON_PORT || 9402),
  rcon_password: "demo-rcon-password",
  discord_bot_token: "demo-bot-token.MTIzNDU2Nzg5MDEyMzQ1Njc4.demo",
  discord_guild_id: "100000000000000001",
  discord_role_id: "200000000000000002",
  discord_member_id: "300000000000000003",
}

const POOL_NAME = "Label Printer app"

/** Whether this run seeds digital delivery. */
export function shouldSeedDemoDeliveries(): boolean {
  return process.env.NODE_ENV !== "test" && process.env.ORDER_OPS_DEMO_DELIVERY !== "0"
}

async function handbookPdf(): Promise<Buffer> {
  const pdf = await PDFDocument.create()
  pdf.setTitle("Order Operations Handbook")
  const font = await pdf.embedFont(StandardFonts.HelveticaBold)
  const body = await pdf.embedFont(StandardFonts.Helvetica)
  const page = pdf.addPage([420, 595])
  page.drawText("Order Operations Handbook", { x: 40, y: 520, size: 22, font, color: rgb(0.1, 0.1, 0.3) })
  const lines = [
    "A calm order desk, in five habits:",
    "1. Every order has one timeline.",
    "2. Notes say what happened and who did it.",
    "3. Labels are bought once.",
    "4. Digital items are retried, never lost.",
    "5. Test orders never touch anything live.",
  ]
  lines.forEach((line, i) => page.drawText(line, { x: 40, y: 470 - i * 22, size: 12, font: body }))
  return Buffer.from(await pdf.save({ useObjectStreams: false }))
}

/**
 * Creates the demo's delivery products, license pool and e-book file when
 * missing.
 *
 * @returns true when the products were created by this run (so the demo
 *   orders should be placed too).
 */
export async function ensureDemoDeliveryProducts(
  container: MedusaContainer,
  variants: Map<string, { id: string }>
): Promise<boolean> {
  const service = container.resolve<DigitalDeliveryModuleService>(DIGITAL_DELIVERY_MODULE)
  if ((await service.listDeliveryProducts({}, { take: 1 })).length) {
    return false
  }
  const variant = (sku: string) => variants.get(sku)?.id
  let [pool] = await service.listLicensePools({ name: POOL_NAME })
  if (!pool) {
    const { result } = await saveLicensePoolWorkflow(container).run({
      input: { name: POOL_NAME, description: "Seat licenses for the label printer companion app", low_stock_threshold: 10 },
    })
    pool = result as typeof pool
    const codes = Array.from({ length: 40 }, (_, i) => {
      const n = (i * 7919 + 104729).toString(36).toUpperCase().padStart(8, "0")
      return `LPA-${n.slice(0, 4)}-${n.slice(4, 8)}`
    })
    await importLicenseCodesWorkflow(container).run({ input: { pool_id: pool.id, text: codes.join("\n") } })
  }
  const file = await container.resolve(Modules.FILE).createFiles({
    filename: "order-operations-handbook.pdf",
    mimeType: "application/pdf",
    content: (await handbookPdf()).toString("base64"),
    access: "private",
  })
  const products: { sku: string; method: string; settings: Record<string, unknown> }[] = [
    {
      sku: "OOPS-EBOOK-PDF",
      method: "download",
      settings: { file_ids: [file.id], file_names: { [file.id]: "order-operations-handbook.pdf" }, link_lifetime_hours: 72, max_downloads: 5 },
    },
    { sku: "OOPS-EBOOK-EPUB", method: "webhook", settings: { url: DEMO_STAND_INS.webhook_url, secret: DEMO_STAND_INS.webhook_secret } },
    { sku: "OOPS-LICENSE-1", method: "license_code", settings: { pool_id: pool.id } },
    { sku: "OOPS-LICENSE-5", method: "license_code", settings: { pool_id: pool.id } },
    {
      sku: "OOPS-VIP-30",
      method: "rcon",
      settings: {
        host: "127.0.0.1",
        port: DEMO_STAND_INS.rcon_port,
        password: DEMO_STAND_INS.rcon_password,
        command: "lp user {player} parent addtemp vip 30d",
        revoke_command: "lp user {player} parent remove vip",
        online_only: true,
      },
    },
    {
      sku: "OOPS-VIP-365",
      method: "discord_role",
      settings: {
        bot_token: DEMO_STAND_INS.discord_bot_token,
        guild_id: DEMO_STAND_INS.discord_guild_id,
        role_id: DEMO_STAND_INS.discord_role_id,
      },
    },
  ]
  for (const p of products) {
    const id = variant(p.sku)
    if (id) {
      await saveDeliveryProductWorkflow(container).run({
        input: { variant_id: id, method: p.method as never, settings: p.settings },
      })
    }
  }
  return true
}

/** The demo orders with digital items, and what each shows. */
export const DEMO_DELIVERY_ORDERS: { email: string; lines: { sku: string; quantity: number; metadata?: Record<string, unknown> }[]; shows: string }[] = [
  { email: "marie@example.com", lines: [{ sku: "OOPS-EBOOK-PDF", quantity: 1 }, { sku: "OOPS-LICENSE-1", quantity: 2 }], shows: "download + two codes, delivered at once; order completes itself" },
  { email: "niels@example.com", lines: [{ sku: "OOPS-VIP-30", quantity: 1, metadata: { player: "Steve" } }], shows: "RCON command to an online player: delivered" },
  { email: "astrid@example.com", lines: [{ sku: "OOPS-VIP-30", quantity: 1, metadata: { player: "Alex" } }], shows: "player offline: Awaiting recipient, retried" },
  { email: "ada@example.com", lines: [{ sku: "OOPS-VIP-365", quantity: 1, metadata: { discord_user_id: DEMO_STAND_INS.discord_member_id } }], shows: "Discord role: delivered" },
  { email: "marie@example.com", lines: [{ sku: "OOPS-EBOOK-EPUB", quantity: 1 }], shows: "partner webhook offline at first: fails, is retried, then delivered" },
]

/**
 * Creates and attempts the deliveries of a paid order now (the subscriber
 * on `payment.captured` does the same in a running store; both are
 * idempotent).
 */
export async function deliverNow(container: MedusaContainer, orderId: string): Promise<void> {
  const { result } = await createOrderDeliveriesWorkflow(container).run({ input: { order_id: orderId } })
  for (const id of result.all) {
    await runDeliveryWorkflow(container).run({ input: { delivery_id: id }, throwOnError: false })
  }
  await autoCompleteOrderWorkflow(container).run({ input: { order_id: orderId }, throwOnError: false })
}
