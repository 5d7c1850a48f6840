import {
  DISCORD_FAKE_BOT_TOKEN,
  DISCORD_FAKE_GUILD_ID,
  DISCORD_FAKE_MEMBER_ID,
  DISCORD_FAKE_ROLE_ID,
  startDiscordFake,
  type DiscordFakeHandle,
} from "../../../../integration-tests/fakes/discord-api"
import { DiscordRoleDeliveryMethod } from "../methods/discord"
import type { DeliveryContext, DiscordRoleSettings } from "../methods/types"

/**
 * The Discord role method against a local fake of the guild member role
 * endpoints, asserting the exact requests.
 */

const NEW_USER = "400000000000000004"

const context = (overrides: Partial<DeliveryContext> = {}): DeliveryContext => ({
  delivery_id: "ddel_01",
  order_id: "order_01",
  display_id: 42,
  email: "buyer@example.com",
  line_item_id: "ordli_01",
  variant_id: "variant_01",
  sku: "DISCORD-VIP",
  title: "Supporter rôle",
  quantity: 1,
  metadata: { discord_user_id: DISCORD_FAKE_MEMBER_ID },
  idempotency_key: "ddel_01:deliver",
  attempt: 1,
  ...overrides,
})

const settings: DiscordRoleSettings = {
  bot_token: DISCORD_FAKE_BOT_TOKEN,
  guild_id: DISCORD_FAKE_GUILD_ID,
  role_id: DISCORD_FAKE_ROLE_ID,
}

const rolePath = (user: string) =>
  `/api/v10/guilds/${DISCORD_FAKE_GUILD_ID}/members/${user}/roles/${DISCORD_FAKE_ROLE_ID}`

describe("DiscordRoleDeliveryMethod", () => {
  let discord: DiscordFakeHandle
  let method: DiscordRoleDeliveryMethod

  beforeEach(async () => {
    discord = await startDiscordFake()
    method = new DiscordRoleDeliveryMethod({ allow_private_targets: true, discord_base_url: discord.api_base, timeout_ms: 2_000 })
  })
  afterEach(() => discord.close())

  it("PUTs the role with the bot token and an audit-log reason → delivered", async () => {
    const result = await method.deliver(settings, context())

    expect(result.outcome).toBe("delivered")
    expect(discord.requests).toHaveLength(1)
    const [req] = discord.requests
    expect(req.method).toBe("PUT")
    expect(req.path).toBe(rolePath(DISCORD_FAKE_MEMBER_ID))
    expect(req.headers.authorization).toBe(`Bot ${DISCORD_FAKE_BOT_TOKEN}`)
    expect(decodeURIComponent(String(req.headers["x-audit-log-reason"]))).toBe("Order #42: Supporter rôle")
    expect(req.headers["user-agent"]).toMatch(/^DiscordBot \(/)
    expect(req.raw_body).toBe("")
    expect(discord.rolesOf(DISCORD_FAKE_MEMBER_ID)).toEqual([DISCORD_FAKE_ROLE_ID])
    expect(result.data).toEqual({ discord_user_id: DISCORD_FAKE_MEMBER_ID })
    expect(result.response).toMatchObject({ status: 204 })
    expect(JSON.stringify(result)).not.toContain(DISCORD_FAKE_BOT_TOKEN)
  })

  it("unknown member → awaiting_recipient; once they join → delivered", async () => {
    const ctx = context({ metadata: { discord_user_id: NEW_USER } })
    const first = await method.deliver(settings, ctx)
    expect(first.outcome).toBe("awaiting_recipient")
    expect(first.message).toContain("has not joined the guild")
    expect(first.response).toMatchObject({ status: 404, body: { code: 10007, message: "Unknown Member" } })

    discord.addMember(NEW_USER)
    const second = await method.deliver(settings, { ...ctx, attempt: 2 })
    expect(second.outcome).toBe("delivered")
    expect(discord.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      `PUT ${rolePath(NEW_USER)}`,
      `PUT ${rolePath(NEW_USER)}`,
    ])
    expect(discord.rolesOf(NEW_USER)).toEqual([DISCORD_FAKE_ROLE_ID])
  })

  it("403 Missing Permissions → failed with a clear message", async () => {
    discord.state.missing_permissions = true
    const result = await method.deliver(settings, context())
    expect(result.outcome).toBe("failed")
    expect(result.message).toContain("403: Missing Permissions")
    expect(result.message).toContain("Manage Roles")
    expect(discord.rolesOf(DISCORD_FAKE_MEMBER_ID)).toEqual([])
  })

  it("wrong bot token (401) → failed", async () => {
    const result = await method.deliver({ ...settings, bot_token: "not-the-token-0000000000" }, context())
    expect(result.outcome).toBe("failed")
    expect(result.message).toContain("rejected the bot token (401")
    expect(discord.requests[0].headers.authorization).toBe("Bot not-the-token-0000000000")
  })

  it("429 → retry, naming retry_after; afterwards delivered", async () => {
    discord.state.rate_limit = { retry_after: 1.5, remaining: 1 }
    const limited = await method.deliver(settings, context())
    expect(limited.outcome).toBe("retry")
    expect(limited.message).toContain("retry after 1.5 s")
    expect(limited.retry_after_ms).toBe(1500)
    expect(limited.response).toMatchObject({ status: 429, body: { retry_after: 1.5 } })

    const next = await method.deliver(settings, context({ attempt: 2 }))
    expect(next.outcome).toBe("delivered")
  })

  it("unknown role (404 10011) → failed, not awaiting", async () => {
    const result = await method.deliver({ ...settings, role_id: "999999999999999999" }, context())
    expect(result.outcome).toBe("failed")
    expect(result.message).toContain("Unknown Role")
  })

  it("5xx → retry", async () => {
    discord.failNext("PUT /api/v10/guilds", 502, { message: "Bad Gateway" })
    const result = await method.deliver(settings, context())
    expect(result.outcome).toBe("retry")
    expect(result.message).toContain("502")
  })

  it("API unreachable → retry", async () => {
    await discord.close()
    const result = await method.deliver(settings, context())
    expect(result.outcome).toBe("retry")
    expect(result.message).toContain("unreachable")
    discord = await startDiscordFake()
  })

  it.each([
    [{}, 'metadata "discord_user_id" is empty'],
    [{ discord_user_id: "1234" }, "not a Discord id"],
    [{ discord_user_id: "30000000000000000a" }, "not a Discord id"],
    [{ discord_user_id: 3e17 }, "not a Discord id"],
    [{ discord_user_id: "123456789012345678901" }, "not a Discord id"],
  ])("metadata %j → failed without a request", async (metadata, message) => {
    const result = await method.deliver(settings, context({ metadata }))
    expect(result.outcome).toBe("failed")
    expect(result.message).toContain(message)
    expect(discord.requests).toHaveLength(0)
  })

  it("reads the user id from a custom metadata field", async () => {
    const result = await method.deliver({ ...settings, user_field: "discord" }, context({ metadata: { discord: DISCORD_FAKE_MEMBER_ID } }))
    expect(result.outcome).toBe("delivered")
  })

  it("revoke DELETEs the role; a member who left → delivered", async () => {
    await method.deliver(settings, context())
    const revoked = await method.revoke(settings, context())
    expect(revoked.outcome).toBe("delivered")
    expect(discord.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      `PUT ${rolePath(DISCORD_FAKE_MEMBER_ID)}`,
      `DELETE ${rolePath(DISCORD_FAKE_MEMBER_ID)}`,
    ])
    expect(discord.rolesOf(DISCORD_FAKE_MEMBER_ID)).toEqual([])

    const gone = await method.revoke(settings, context({ metadata: { discord_user_id: NEW_USER } }))
    expect(gone.outcome).toBe("delivered")
    expect(gone.message).toContain("no longer in the guild")
  })

  it("refuses a loopback Discord base URL unless private targets are allowed", async () => {
    const strict = new DiscordRoleDeliveryMethod({ allow_private_targets: false, discord_base_url: discord.api_base, timeout_ms: 2_000 })
    const result = await strict.deliver(settings, context())
    expect(result.outcome).toBe("failed")
    expect(result.message).toContain("loopback")
    expect(discord.requests).toHaveLength(0)
  })

  it("describe masks the token", () => {
    const summary = method.describe(settings, context())
    expect(summary).toEqual({
      method: "PUT",
      url: `${discord.api_base}/guilds/${DISCORD_FAKE_GUILD_ID}/members/${DISCORD_FAKE_MEMBER_ID}/roles/${DISCORD_FAKE_ROLE_ID}`,
      headers: { authorization: "Bot ••••cdef", "x-audit-log-reason": "Order #42: Supporter rôle" },
    })
  })
})
