import {
  DISCORD_FAKE_BOT_TOKEN,
  DISCORD_FAKE_GUILD_ID,
  DISCORD_FAKE_MEMBER_ID,
  DISCORD_FAKE_ROLE_ID,
  startDiscordFake,
  type DiscordFakeHandle,
} from "../../../../integration-tests/fakes/discord-api"
import { startRconFake, type RconFakeHandle } from "../../../../integration-tests/fakes/rcon-server"
import {
  startWebhookReceiver,
  WEBHOOK_FAKE_SECRET,
  type WebhookReceiverHandle,
} from "../../../../integration-tests/fakes/webhook-receiver"
import { DELIVERY_METHODS, DeliveryMethodRegistry, isMasked, maskSecret } from "../methods"
import { z } from "@medusajs/framework/zod"
import { DELIVERY_SETTINGS_FIELD_TYPES, type DeliveryContext, type DeliveryRuntime } from "../methods/types"

/**
 * Every method through the one registry, each against its fake: the
 * webhook receiver, the RCON game server, the Discord API, and for the
 * database methods an in-memory runtime standing in for the module tables.
 */

const context = (overrides: Partial<DeliveryContext> = {}): DeliveryContext => ({
  delivery_id: "dlv_01",
  order_id: "order_01",
  display_id: 7,
  email: "buyer@example.com",
  line_item_id: "ordli_01",
  variant_id: "variant_01",
  sku: "SKU-1",
  title: "Item",
  quantity: 2,
  metadata: { player: "Steve", discord_user_id: DISCORD_FAKE_MEMBER_ID },
  idempotency_key: "msg_ordli_01",
  attempt: 1,
  ...overrides,
})

/** An in-memory stand-in for the module's grant and code tables. */
function memoryRuntime() {
  const grants = new Map<string, { id: string; expires_at: Date; revoked: boolean }[]>()
  const pool = ["CODE-AAAA-0001", "CODE-AAAA-0002", "CODE-AAAA-0003"]
  const held = new Map<string, { code: string; revoked: boolean }[]>()
  const runtime: DeliveryRuntime = {
    async ensureDownloadGrants(ctx, settings) {
      const existing = grants.get(ctx.delivery_id)?.filter((g) => !g.revoked)
      if (existing?.length) return existing
      const created = settings.file_ids.map((f, i) => ({ id: `dgrant_${i}`, expires_at: new Date("2041-01-01T00:00:00Z"), revoked: false }))
      grants.set(ctx.delivery_id, created)
      return created
    },
    async revokeDownloadGrants(id) {
      const live = (grants.get(id) ?? []).filter((g) => !g.revoked)
      live.forEach((g) => (g.revoked = true))
      return live.length
    },
    async assignLicenseCodes(id, _pool, quantity) {
      const mine = held.get(id) ?? []
      while (mine.length < quantity && pool.length) mine.push({ code: pool.shift()!, revoked: false })
      held.set(id, mine)
      return { codes: mine.map((c) => c.code), missing: quantity - mine.length }
    },
    async revokeLicenseCodes(id) {
      const mine = (held.get(id) ?? []).filter((c) => !c.revoked)
      mine.forEach((c) => (c.revoked = true))
      return mine.length
    },
    licensePoolExists: async (id) => id === "lpool_1",
    async downloadLinks(ctx, settings, fresh) {
      if (fresh) grants.get(ctx.delivery_id)?.forEach((g) => (g.revoked = true))
      const live = await runtime.ensureDownloadGrants(ctx, settings)
      return live.map((g) => ({ filename: null, url: `/downloads/${g.id}`, expires_at: new Date(g.expires_at).toISOString(), remaining_downloads: settings.max_downloads }))
    },
    assignedLicenseCodes: async (id) => (held.get(id) ?? []).filter((c) => !c.revoked).map((c) => c.code),
  }
  return { runtime, grants, held, pool }
}

describe("DeliveryMethodRegistry", () => {
  const registry = new DeliveryMethodRegistry({ allow_private_targets: true, timeout_ms: 1_000 })

  it("holds exactly the five methods, one per code", () => {
    expect(registry.list().map((m) => m.code)).toEqual([...DELIVERY_METHODS])
    expect(registry.remoteCodes().sort()).toEqual(["discord_role", "rcon", "webhook"])
    expect(() => registry.get("carrier_pigeon")).toThrow('method: "carrier_pigeon" is not a delivery method')
  })

  describe.each(DELIVERY_METHODS.map((code) => [code]))("%s declares everything the registry's readers need", (code) => {
    const method = registry.get(code)
    const schema = z.toJSONSchema(method.settingsSchema) as { properties?: Record<string, unknown>; required?: string[] }
    const properties = Object.keys(schema.properties ?? {})

    it("a label, a strict settings schema and a settings form that matches it", () => {
      expect(method.code).toBe(code)
      expect(method.label.trim()).not.toBe("")
      expect(typeof method.settingsSchema.safeParse).toBe("function")
      expect(method.settingsSchema.safeParse({ not_a_setting: 1 }).success).toBe(false)
      expect(method.settingsFields.length).toBeGreaterThan(0)
      const names = method.settingsFields.map((f) => f.name)
      expect(new Set(names).size).toBe(names.length)
      for (const field of method.settingsFields) {
        // Every field of the form is a setting of the schema, rendered by a kind the admin knows.
        expect(properties).toContain(field.name)
        expect(DELIVERY_SETTINGS_FIELD_TYPES).toContain(field.type)
        expect(field.label.trim()).not.toBe("")
        expect(field.required).toBe((schema.required ?? []).includes(field.name))
        if (field.names_field) expect(properties).toContain(field.names_field)
      }
      // Every required setting has a field, so the drawer can fill a valid product.
      for (const required of schema.required ?? []) expect(names).toContain(required)
    })

    it("its secrets, the same in the form and in masking", () => {
      const secretFields = method.settingsFields.filter((f) => f.secret).map((f) => f.name)
      expect([...method.secretFields].sort()).toEqual(secretFields.sort())
      for (const field of method.settingsFields) expect(field.secret).toBe(field.type === "secret")
      const filled = Object.fromEntries(method.secretFields.map((k) => [k, "a-long-secret-value-0123456789"]))
      for (const key of method.secretFields) expect(registry.maskSettings(code, filled)[key]).toBe("••••6789")
    })

    it("what the instructions email says about its items", async () => {
      expect(typeof method.emailed).toBe("boolean")
      expect(typeof method.instructions).toBe("function")
      const settings = { file_ids: ["file_a"], link_lifetime_hours: 1, max_downloads: 2, pool_id: "lpool_1" }
      const { runtime } = memoryRuntime()
      await method.deliver(settings as never, context({ title: "Starter pack", quantity: 1 }), runtime).catch(() => undefined)
      const part = await method.instructions(settings as never, context({ title: "Starter pack", quantity: 1 }), runtime, { fresh: false })
      expect(part.text).toMatch(/^Starter pack: .+/)
    })
  })

  it("emails the customer about downloads and license codes only, each with what they need", async () => {
    expect(registry.list().filter((m) => m.emailed).map((m) => m.code)).toEqual(["download", "license_code"])
    const { runtime, grants } = memoryRuntime()
    const download = registry.get("download")
    const settings = { file_ids: ["file_a", "file_b"], link_lifetime_hours: 24, max_downloads: 3 }
    await download.deliver(settings as never, context(), runtime)
    const links = await download.instructions(settings as never, context(), runtime, { fresh: false })
    expect(links.downloads!.map((l) => l.url)).toEqual(["/downloads/dgrant_0", "/downloads/dgrant_1"])
    const before = grants.get("dlv_01")!
    await download.instructions(settings as never, context(), runtime, { fresh: true })
    expect(before.every((g) => g.revoked)).toBe(true)

    const codes = registry.get("license_code")
    await codes.deliver({ pool_id: "lpool_1" } as never, context(), runtime)
    const part = await codes.instructions({ pool_id: "lpool_1" } as never, context({ title: "Key" }), runtime, { fresh: false })
    expect(part).toEqual({ text: "Key: your license codes are below; keep them private.", codes: ["CODE-AAAA-0001", "CODE-AAAA-0002"] })
    const rcon = await registry.get("rcon").instructions({} as never, context({ title: "VIP rank" }), runtime, { fresh: false })
    expect(rcon).toEqual({ text: "VIP rank: given in game to the player named at checkout." })
  })

  it("says per method whether a cut-off attempt may be sent again", () => {
    expect(Object.fromEntries(registry.list().map((m) => [m.code, m.resendAfterUnknown]))).toEqual({
      download: "resend_idempotent",
      license_code: "resend_idempotent",
      webhook: "resend_same_id",
      rcon: "never",
      discord_role: "resend_idempotent",
    })
  })

  it("leases longer than the slowest method's worst case (RCON: lookup + 3 × timeout + guards)", () => {
    const slow = new DeliveryMethodRegistry({ timeout_ms: 60_000, lookup_timeout_ms: 5_000 })
    const rcon = slow.get("rcon").worstCaseMs(slow.options)
    expect(rcon).toBeGreaterThanOrEqual(5_000 + 3 * 60_000)
    expect(slow.leaseSeconds(120) * 1000).toBeGreaterThan(rcon)
    expect(registry.leaseSeconds(120)).toBe(120)
  })

  it("validates settings with each method's schema, naming the field", () => {
    const bad = registry.get("rcon").settingsSchema.safeParse({ host: "h", port: 70000, password: "p", command: "c" })
    expect(bad.success).toBe(false)
    expect(bad.error!.issues[0].message).toBe("settings.port must be 1–65535")
    expect(registry.get("webhook").settingsSchema.safeParse({ url: "https://x.test", secret: "nope" }).error!.issues[0].message).toMatch(
      /^settings\.secret/
    )
    expect(registry.get("download").settingsSchema.safeParse({ file_ids: ["f"], link_lifetime_hours: 1, max_downloads: 1, extra: 1 }).success).toBe(false)
  })

  it("masks exactly each method's secrets with the one masking function, never a short secret whole", () => {
    expect(registry.maskSettings("rcon", { host: "mc.example.com", password: "hunter2" })).toEqual({ host: "mc.example.com", password: "••••" })
    expect(registry.maskSettings("discord_role", { bot_token: "abcd" }).bot_token).toBe("••••")
    expect(registry.maskSettings("webhook", { url: "u", secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw" }).secret).toBe("whsec_••••LaSw")
    expect(maskSecret("1234")).toBe("••••")
    expect(maskSecret("0123456789abcdef")).toBe("••••cdef")
    expect(isMasked("whsec_••••LaSw")).toBe(true)
    expect(registry.mergeSecrets("rcon", { password: "old-secret" }, { password: "••••", host: "h" })).toEqual({ password: "old-secret", host: "h" })
    expect(registry.mergeSecrets("rcon", { password: "old-secret" }, { password: "new-secret" })).toEqual({ password: "new-secret" })
  })

  it("names each outside target for the SSRF check", () => {
    expect(registry.get("webhook").targets({ url: "https://hooks.example.com/x", secret: "s" } as never, registry.options)).toEqual([
      { field: "settings.url", target: "https://hooks.example.com/x" },
    ])
    expect(registry.get("rcon").targets({ host: "mc.example.com" } as never, registry.options)).toEqual([{ field: "settings.host", target: "mc.example.com" }])
    expect(registry.get("discord_role").targets({} as never, registry.options)).toEqual([
      { field: "discord_base_url", target: "https://discord.com/api/v10" },
    ])
    expect(registry.get("download").targets({} as never, registry.options)).toEqual([])
  })

  it("download: creates grants once (a repeat keeps them), revoke disables them", async () => {
    const { runtime, grants } = memoryRuntime()
    const method = registry.get("download")
    const settings = { file_ids: ["file_a", "file_b"], link_lifetime_hours: 24, max_downloads: 3 }
    const first = await method.deliver(settings as never, context(), runtime)
    const again = await method.deliver(settings as never, context(), runtime)
    expect(first).toMatchObject({ outcome: "delivered", message: "2 download links ready" })
    expect(again.response).toEqual(first.response)
    expect(await method.revoke(settings as never, context(), runtime)).toMatchObject({ outcome: "delivered", message: "2 download link(s) disabled" })
    expect(grants.get("dlv_01")!.every((g) => g.revoked)).toBe(true)
  })

  it("license code: assigns the quantity once, masks codes in the log, waits when the pool runs dry", async () => {
    const { runtime, held } = memoryRuntime()
    const method = registry.get("license_code")
    const first = await method.deliver({ pool_id: "lpool_1" } as never, context(), runtime)
    const again = await method.deliver({ pool_id: "lpool_1" } as never, context(), runtime)
    expect(first).toMatchObject({ outcome: "delivered", response: { codes: ["••••", "••••"] } })
    expect(again.outcome).toBe("delivered")
    expect(held.get("dlv_01")!.map((c) => c.code)).toEqual(["CODE-AAAA-0001", "CODE-AAAA-0002"])
    expect(JSON.stringify(first)).not.toContain("CODE-AAAA")
    const dry = await method.deliver({ pool_id: "lpool_1" } as never, context({ delivery_id: "dlv_02", quantity: 2 }), runtime)
    expect(dry.outcome).toBe("retry")
    expect(await method.checkSettings!({ pool_id: "lpool_missing" } as never, runtime)).toBe("settings.pool_id: license pool lpool_missing does not exist")
  })

  describe("against the fakes", () => {
    let receiver: WebhookReceiverHandle
    let rcon: RconFakeHandle
    let discord: DiscordFakeHandle
    beforeAll(async () => {
      receiver = await startWebhookReceiver()
      rcon = await startRconFake({ password: "minecraft", players: ["Steve"] })
      discord = await startDiscordFake()
    })
    afterAll(async () => {
      await receiver.close()
      await rcon.close()
      await discord.close()
    })
    const { runtime } = memoryRuntime()

    it("webhook: delivered, and a resend carries the same webhook-id", async () => {
      const method = registry.get("webhook")
      const settings = { url: `${receiver.url}/orders`, secret: WEBHOOK_FAKE_SECRET }
      expect((await method.deliver(settings as never, context(), runtime)).outcome).toBe("delivered")
      expect((await method.deliver(settings as never, context({ attempt: 2 }), runtime)).outcome).toBe("delivered")
      expect(receiver.uniqueIds()).toEqual(["msg_ordli_01"])
      expect(method.describe(settings as never, context())).toMatchObject({ headers: { "webhook-id": "msg_ordli_01" } })
    })

    it("rcon: runs the rendered command and the revoke command", async () => {
      const method = registry.get("rcon")
      const settings = { host: rcon.host, port: rcon.port, password: "minecraft", command: "lp user {player} parent add vip", revoke_command: "lp user {player} parent remove vip" }
      expect((await method.deliver(settings as never, context(), runtime)).outcome).toBe("delivered")
      expect((await method.revoke(settings as never, context(), runtime)).outcome).toBe("delivered")
      expect(rcon.executed()).toEqual(["lp user Steve parent add vip", "lp user Steve parent remove vip"])
      expect(JSON.stringify(method.describe(settings as never, context()))).not.toContain("minecraft")
    })

    it("discord role: gives and takes back the role", async () => {
      const reg = new DeliveryMethodRegistry({ allow_private_targets: true, timeout_ms: 1_000, discord_base_url: discord.api_base })
      const method = reg.get("discord_role")
      const settings = { bot_token: DISCORD_FAKE_BOT_TOKEN, guild_id: DISCORD_FAKE_GUILD_ID, role_id: DISCORD_FAKE_ROLE_ID }
      expect((await method.deliver(settings as never, context(), runtime)).outcome).toBe("delivered")
      expect(discord.rolesOf(DISCORD_FAKE_MEMBER_ID)).toEqual([DISCORD_FAKE_ROLE_ID])
      expect((await method.revoke(settings as never, context(), runtime)).outcome).toBe("delivered")
      expect(discord.rolesOf(DISCORD_FAKE_MEMBER_ID)).toEqual([])
    })
  })
})
