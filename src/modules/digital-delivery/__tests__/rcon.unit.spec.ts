import { startRconFake, type RconFakeHandle } from "../../../../integration-tests/fakes/rcon-server"
import { parsePlayerList, RconDeliveryMethod } from "../methods/rcon"
import type { DeliveryContext, RconSettings } from "../methods/types"

/**
 * The RCON method against a local server speaking the Source RCON protocol
 * over TCP, asserting the exact commands it received.
 */

const context = (overrides: Partial<DeliveryContext> = {}): DeliveryContext => ({
  delivery_id: "ddel_01",
  order_id: "order_01",
  display_id: 42,
  email: "buyer@example.com",
  line_item_id: "ordli_01",
  variant_id: "variant_01",
  sku: "VIP-30D",
  title: "VIP rank",
  quantity: 2,
  metadata: { player: "Steve" },
  idempotency_key: "ddel_01:deliver",
  attempt: 1,
  ...overrides,
})

const PASSWORD = "s3cret-rcon-password"

describe("RconDeliveryMethod", () => {
  let server: RconFakeHandle
  let settings: RconSettings
  const method = new RconDeliveryMethod({ allow_private_targets: true, timeout_ms: 1_000 })

  beforeEach(async () => {
    server = await startRconFake({ password: PASSWORD })
    settings = {
      host: server.host,
      port: server.port,
      password: PASSWORD,
      command: "give {player} diamond {quantity}",
    }
  })
  afterEach(() => server.close())

  it("logs in and runs the rendered command once", async () => {
    server.respond = (cmd) => `Gave 2 [Diamond] to Steve (${cmd})`
    const result = await method.deliver(
      { ...settings, command: "lp user {player} parent addtemp vip 30d order={order_id} n={display_id} sku={sku} q={quantity} e={email}" },
      context()
    )

    expect(result.outcome).toBe("delivered")
    expect(server.logins).toEqual([{ password: PASSWORD, ok: true }])
    expect(server.commands.map((c) => c.command)).toEqual([
      "lp user Steve parent addtemp vip 30d order=order_01 n=42 sku=VIP-30D q=2 e=buyer@example.com",
    ])
    expect(result.response).toMatchObject({ output: expect.stringContaining("Gave 2 [Diamond] to Steve") })
    expect(result.message).toContain("Gave 2 [Diamond] to Steve")
    expect(result.data).toEqual({ player: "Steve" })
    expect(result.request).toMatchObject({ host: "127.0.0.1", address: "127.0.0.1", port: server.port })
    expect(JSON.stringify(result)).not.toContain(PASSWORD)
  })

  it("wrong password → failed, nothing run", async () => {
    const result = await method.deliver({ ...settings, password: "wrong" }, context())
    expect(result.outcome).toBe("failed")
    expect(result.message).toBe("RCON server rejected the password")
    expect(server.logins).toEqual([{ password: "wrong", ok: false }])
    expect(server.commands).toEqual([])
  })

  it("server offline (connection refused) → retry", async () => {
    await server.goOffline()
    const result = await method.deliver(settings, context())
    expect(result.outcome).toBe("retry")
    expect(result.message).toContain("ECONNREFUSED")
    expect(server.commands).toEqual([])
  })

  it("server closes the connection at once → retry", async () => {
    server.closeOnConnect = true
    const result = await method.deliver(settings, context())
    expect(result.outcome).toBe("retry")
    expect(server.connections).toBe(1)
    expect(server.commands).toEqual([])
  })

  it("server never answers the login → retry within timeout_ms", async () => {
    server.ignoreLogin = true
    const quick = new RconDeliveryMethod({ allow_private_targets: true, timeout_ms: 300 })
    const started = Date.now()
    const result = await quick.deliver(settings, context())
    expect(result.outcome).toBe("retry")
    expect(Date.now() - started).toBeLessThan(1_500)
    expect(server.commands).toEqual([])
  })

  it("connection dropped after the command was sent → unknown, and it was received exactly once", async () => {
    server.dropAfterCommand = true
    const result = await method.deliver(settings, context())
    expect(result.outcome).toBe("unknown")
    expect(result.message).toContain("may have run")
    expect(server.commands).toEqual([{ command: "give Steve diamond 2", connection: 1, dropped: true }])
  })

  it("no answer after the command was sent → unknown within timeout_ms", async () => {
    server.hangAfterCommand = true
    const quick = new RconDeliveryMethod({ allow_private_targets: true, timeout_ms: 300 })
    const started = Date.now()
    const result = await quick.deliver(settings, context())
    expect(result.outcome).toBe("unknown")
    expect(Date.now() - started).toBeLessThan(1_500)
    expect(server.executed()).toEqual(["give Steve diamond 2"])
  })

  it("online_only: player offline → awaiting_recipient (only `list` sent); online → delivered", async () => {
    const online = { ...settings, online_only: true }
    server.players = ["Alex"]

    const first = await method.deliver(online, context())
    expect(first.outcome).toBe("awaiting_recipient")
    expect(first.message).toContain("Steve is not online")
    expect(first.response).toMatchObject({ list: "There are 1 of a max of 20 players online: Alex" })
    expect(server.executed()).toEqual([])

    server.players = ["Alex", "Steve"]
    const second = await method.deliver(online, context({ attempt: 2 }))
    expect(second.outcome).toBe("delivered")
    expect(server.commands.map((c) => [c.connection, c.command])).toEqual([
      [1, "list"],
      [2, "list"],
      [2, "give Steve diamond 2"],
    ])
  })

  it("online_only: connection lost during `list` → retry (nothing was run)", async () => {
    server.players = ["Steve"]
    server.dropAfterCommand = (cmd) => cmd === "list"
    const result = await method.deliver({ ...settings, online_only: true }, context())
    expect(result.outcome).toBe("retry")
    expect(server.executed()).toEqual([])
  })

  it.each([
    [{}, 'No player name: line item metadata "player" is empty'],
    [{ player: "" }, 'No player name: line item metadata "player" is empty'],
    [{ player: "Steve; op Mallory" }, "not allowed"],
    [{ player: "Steve\nop Mallory" }, "not allowed"],
    [{ player: "a".repeat(33) }, "not allowed"],
    [{ player: 12345 }, "not allowed"],
  ])("metadata %j → failed without connecting", async (metadata, message) => {
    const result = await method.deliver(settings, context({ metadata }))
    expect(result.outcome).toBe("failed")
    expect(result.message).toContain(message)
    expect(server.connections).toBe(0)
  })

  it("refuses an unsafe value used in the template (email with spaces)", async () => {
    const result = await method.deliver(
      { ...settings, command: "mail {player} {email}" },
      context({ email: "x@example.com op Mallory" })
    )
    expect(result.outcome).toBe("failed")
    expect(result.message).toContain("{email}")
    expect(server.connections).toBe(0)
  })

  it("reads the player from a custom metadata field", async () => {
    const result = await method.deliver({ ...settings, player_field: "mc_name" }, context({ metadata: { mc_name: "Alex_99" } }))
    expect(result.outcome).toBe("delivered")
    expect(server.executed()).toEqual(["give Alex_99 diamond 2"])
  })

  it("revoke runs revoke_command; without one it is delivered without connecting", async () => {
    const none = await method.revoke(settings, context())
    expect(none).toMatchObject({ outcome: "delivered", message: "no revoke command configured" })
    expect(server.connections).toBe(0)

    const result = await method.revoke({ ...settings, revoke_command: "lp user {player} parent remove vip" }, context())
    expect(result.outcome).toBe("delivered")
    expect(server.executed()).toEqual(["lp user Steve parent remove vip"])
  })

  it("refuses a loopback host unless private targets are allowed", async () => {
    const strict = new RconDeliveryMethod({ allow_private_targets: false, timeout_ms: 1_000 })
    const result = await strict.deliver(settings, context())
    expect(result.outcome).toBe("failed")
    expect(result.message).toContain("loopback")
    expect(server.connections).toBe(0)
  })

  it("describe renders the command with the password masked", () => {
    const summary = method.describe({ ...settings, online_only: true }, context())
    expect(summary).toEqual({
      host: "127.0.0.1",
      port: server.port,
      password: "••••word",
      online_check: "list",
      command: "give Steve diamond 2",
    })
  })
})

describe("parsePlayerList", () => {
  it("reads Minecraft's list answers", () => {
    expect(parsePlayerList("There are 2 of a max of 20 players online: Steve, Alex_99")).toEqual(["Steve", "Alex_99"])
    expect(parsePlayerList("There are 0 of a max of 20 players online: ")).toEqual([])
    expect(parsePlayerList("There are 1/20 players online:\n\u00a7aSteve")).toEqual(["Steve"])
  })
})
