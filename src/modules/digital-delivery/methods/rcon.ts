import { Rcon } from "rcon-client"
import { z } from "@medusajs/framework/zod"
import { settingKey, settingText } from "./settings"
import {
  checkTarget,
  describeError,
  isAttemptResult,
  maskSecret,
  placeholderValues,
  renderTemplate,
  truncate,
  withDefaults,
} from "./shared"
import type {
  AttemptResult,
  DeliveryContext,
  DeliveryInstructionsPart,
  DeliveryMethodOptions,
  ExchangeSummary,
  DeliveryMethod,
  DeliverySettingsField,
  DeliveryTarget,
  RconSettings,
} from "./types"

/**
 * RCON delivery: runs a console command on a game server (Minecraft and
 * other Source-RCON servers) through `rcon-client`. A command that may have
 * run is never re-sent automatically: once it is written to the socket, any
 * failure is `unknown`.
 *
 * `rcon-client` targets Minecraft, whose server answers an auth request with
 * a single packet. Source-engine servers send an empty RESPONSE_VALUE first,
 * which `rcon-client` takes as the auth answer; a wrong password there shows
 * up as `unknown` on the first command rather than `failed`.
 */

/** Player names allowed into a command: Minecraft's rules, nothing a console could parse as syntax. */
export const SAFE_PLAYER_NAME = /^[A-Za-z0-9_]{1,32}$/
/** Characters allowed in the other placeholder values (email, sku, ids). */
const SAFE_VALUE = /^[A-Za-z0-9@._+:-]*$/
/** Grace after the per-packet timeout before we stop waiting on the client. */
const GUARD_MS = 1_000

/** Minecraft formatting codes (§a, §l…) some servers put in `list` answers. */
const FORMATTING = /\u00a7./g

/** Names a `list` answer shows as online (Minecraft: "… players online: A, B"). */
export function parsePlayerList(text: string): string[] {
  const clean = text.replace(FORMATTING, "")
  const colon = clean.indexOf(":")
  const names = colon >= 0 ? clean.slice(colon + 1) : clean
  return names
    .split(/[,\s]+/)
    .map((n) => n.trim())
    .filter(Boolean)
}

type Rendered = { ok: true; player: string; command: string } | { ok: false; message: string }

/** Waits `ms`, then resolves with `value`; `cancel` stops the timer. */
function timer<T>(ms: number, value: T): { promise: Promise<T>; cancel: () => void } {
  let handle: NodeJS.Timeout | undefined
  const promise = new Promise<T>((resolve) => {
    handle = setTimeout(() => resolve(value), ms)
  })
  return { promise, cancel: () => clearTimeout(handle) }
}

/** Delivers (and revokes) items by RCON command. Never throws. */
export class RconDeliveryMethod implements DeliveryMethod<RconSettings> {
  readonly code = "rcon" as const
  readonly label = "RCON command"
  readonly remote = true
  /** A console command is not idempotent: one that may have run is never sent again by itself. */
  readonly resendAfterUnknown = "never" as const
  readonly secretFields = ["password"] as const
  readonly emailed = false
  readonly settingsSchema = z
    .object({
      host: settingText("host", 255),
      port: z
        .number({ error: "settings.port must be a number" })
        .int({ error: "settings.port must be a whole number" })
        .min(1, { error: "settings.port must be 1–65535" })
        .max(65535, { error: "settings.port must be 1–65535" }),
      password: settingText("password", 200),
      command: settingText("command", 500),
      revoke_command: z
        .string()
        .trim()
        .max(500, { error: "settings.revoke_command is longer than 500 characters" })
        .nullish(),
      online_only: z.boolean({ error: "settings.online_only must be true or false" }).optional(),
      player_field: settingKey("player_field"),
    })
    .strict()
  readonly settingsFields: readonly DeliverySettingsField[] = [
    { name: "host", label: "Host", type: "text", required: true, secret: false, placeholder: "mc.example.com" },
    { name: "port", label: "Port", type: "number", required: true, secret: false, default: 25575 },
    { name: "password", label: "RCON password", type: "secret", required: true, secret: true },
    {
      name: "command",
      label: "Command",
      type: "template",
      required: true,
      secret: false,
      placeholder: "lp user {player} parent add vip",
      help: "Placeholders: {player} {order_id} {display_id} {quantity} {sku} {email}",
    },
    {
      name: "revoke_command",
      label: "Revoke command",
      type: "template",
      required: false,
      secret: false,
      placeholder: "lp user {player} parent remove vip",
      help: "Run when the order is refunded or canceled.",
    },
    {
      name: "online_only",
      label: "Only when the player is online",
      type: "boolean",
      required: false,
      secret: false,
      default: false,
      help: "Waits and retries while the player isn't on the server.",
    },
    {
      name: "player_field",
      label: "Player metadata field",
      type: "text",
      required: false,
      secret: false,
      placeholder: "player",
      help: "The line item metadata key holding the player name. Defaults to “player”.",
    },
  ]
  private readonly options: DeliveryMethodOptions

  /** @param options shared method options (timeout, private targets). */
  constructor(options: Partial<DeliveryMethodOptions> = {}) {
    this.options = withDefaults(options)
  }

  targets(settings: RconSettings): DeliveryTarget[] {
    return [{ field: "settings.host", target: settings.host }]
  }

  /** Lookup, login, `list`, the command and the close: each bounded by the timeout plus a guard. */
  worstCaseMs(options: DeliveryMethodOptions): number {
    return options.lookup_timeout_ms + 3 * (options.timeout_ms + GUARD_MS) + GUARD_MS
  }

  async instructions(_settings: RconSettings, context: DeliveryContext): Promise<DeliveryInstructionsPart> {
    return { text: `${context.title}: given in game to the player named at checkout.` }
  }

  /**
   * Renders `settings.command` and runs it. With `online_only`, runs `list`
   * first and answers `awaiting_recipient` when the player isn't online.
   */
  async deliver(settings: RconSettings, context: DeliveryContext): Promise<AttemptResult> {
    const rendered = this.render(settings, settings.command, context)
    if (!rendered.ok) {
      return { outcome: "failed", message: rendered.message, request: this.baseRequest(settings), response: null }
    }
    return this.run(settings, rendered.command, settings.online_only ? rendered.player : null, rendered.player)
  }

  /** Runs `settings.revoke_command` when set; without one there is nothing to do (`delivered`). */
  async revoke(settings: RconSettings, context: DeliveryContext): Promise<AttemptResult> {
    if (!settings.revoke_command) {
      return { outcome: "delivered", message: "no revoke command configured", request: null, response: null }
    }
    const rendered = this.render(settings, settings.revoke_command, context)
    if (!rendered.ok) {
      return { outcome: "failed", message: rendered.message, request: this.baseRequest(settings), response: null }
    }
    return this.run(settings, rendered.command, null, rendered.player)
  }

  /** The command a delivery would run, password masked. */
  describe(settings: RconSettings, context: DeliveryContext): ExchangeSummary {
    const rendered = this.render(settings, settings.command, context)
    return rendered.ok
      ? { ...this.baseRequest(settings), online_check: settings.online_only ? "list" : null, command: rendered.command }
      : { ...this.baseRequest(settings), error: rendered.message }
  }

  private baseRequest(settings: RconSettings): ExchangeSummary {
    return { host: settings.host, port: settings.port, password: maskSecret(settings.password) }
  }

  /** Reads the player name and renders a template, refusing anything unsafe. */
  private render(settings: RconSettings, template: string, context: DeliveryContext): Rendered {
    const field = settings.player_field ?? "player"
    const raw = context.metadata?.[field]
    if (raw === undefined || raw === null || raw === "") {
      return { ok: false, message: `No player name: line item metadata "${field}" is empty` }
    }
    const player = typeof raw === "string" ? raw.trim() : ""
    if (!SAFE_PLAYER_NAME.test(player)) {
      return {
        ok: false,
        message: `Player name in metadata "${field}" is not allowed: only letters, digits and _ (1–32 characters)`,
      }
    }
    const values = placeholderValues(context, { player })
    for (const [name, value] of Object.entries(values)) {
      if (template.includes(`{${name}}`) && !SAFE_VALUE.test(value)) {
        return { ok: false, message: `Value for {${name}} contains characters not allowed in an RCON command` }
      }
    }
    return { ok: true, player, command: renderTemplate(template, values) }
  }

  /** One connection: connect + auth, optional online check, the command. */
  private async run(
    settings: RconSettings,
    command: string,
    onlineCheckPlayer: string | null,
    player: string
  ): Promise<AttemptResult> {
    const request: ExchangeSummary = {
      ...this.baseRequest(settings),
      online_check: onlineCheckPlayer ? "list" : null,
      command,
    }
    const target = await checkTarget(settings.host, this.options, request)
    if (isAttemptResult(target)) {
      return target
    }
    request.address = target.address
    const data = { player }

    // Connect to the checked address, not the name: no second DNS answer.
    const rcon = new Rcon({
      host: target.address,
      port: settings.port,
      password: settings.password,
      timeout: this.options.timeout_ms,
    })
    const socketErrors: string[] = []
    // rcon-client re-emits socket errors; without a listener they would crash the process.
    rcon.on("error", (e: unknown) => socketErrors.push(describeError(e)))

    try {
      const connectTimer = timer(this.options.timeout_ms, "timeout" as const)
      let connected: "ok" | "timeout"
      try {
        connected = await Promise.race([rcon.connect().then(() => "ok" as const), connectTimer.promise])
      } catch (e) {
        const error = describeError(e)
        // rcon-client's own message when the server answers the login with id -1.
        if (error === "Authentication failed") {
          return {
            outcome: "failed",
            message: "RCON server rejected the password",
            request,
            response: { error },
            data,
          }
        }
        return {
          outcome: "retry",
          message: `RCON server unreachable before the command was sent: ${error}`,
          request,
          response: { error },
          data,
        }
      } finally {
        connectTimer.cancel()
      }
      if (connected === "timeout") {
        return {
          outcome: "retry",
          message: `RCON server did not complete login within ${this.options.timeout_ms} ms; nothing was sent`,
          request,
          response: { error: "connect timeout" },
          data,
        }
      }

      const response: ExchangeSummary = {}
      if (onlineCheckPlayer) {
        let list: string
        try {
          list = await this.send(rcon, "list")
        } catch (e) {
          // `list` changes nothing on the server, so losing it is a plain retry.
          return {
            outcome: "retry",
            message: `RCON online check failed before the command was sent: ${describeError(e)}`,
            request,
            response: { error: describeError(e) },
            data,
          }
        }
        response.list = truncate(list)
        const online = parsePlayerList(list).some((n) => n.toLowerCase() === onlineCheckPlayer.toLowerCase())
        if (!online) {
          return {
            outcome: "awaiting_recipient",
            message: `Player ${onlineCheckPlayer} is not online; the command will run when they are`,
            request,
            response,
            data,
          }
        }
      }

      if (!rcon.authenticated || !rcon.socket?.writable) {
        return {
          outcome: "retry",
          message: "RCON connection closed before the command was sent",
          request,
          response: { ...response, error: socketErrors.join("; ") || "connection closed" },
          data,
        }
      }
      // From here on the command may have reached the server: never `retry`.
      try {
        const text = await this.send(rcon, command)
        response.output = truncate(text.replace(FORMATTING, ""))
        return {
          outcome: "delivered",
          message: text ? `RCON command ran: ${truncate(text.replace(FORMATTING, ""), 200)}` : "RCON command ran",
          request,
          response,
          data,
        }
      } catch (e) {
        return {
          outcome: "unknown",
          message: `RCON connection lost after the command was sent (${describeError(e)}); it may have run — check the server before retrying`,
          request,
          response: { ...response, error: describeError(e) },
          data,
        }
      }
    } catch (e) {
      // Not expected; still an outcome, never a throw. Whether the command
      // went out is unknown at this point.
      return { outcome: "unknown", message: `RCON delivery error: ${describeError(e)}`, request, response: null, data }
    } finally {
      await this.close(rcon)
    }
  }

  /** `send` with a guard in case the client never settles. */
  private async send(rcon: Rcon, command: string): Promise<string> {
    const guard = timer(this.options.timeout_ms + GUARD_MS, null)
    try {
      const result = await Promise.race([rcon.send(command), guard.promise])
      if (result === null) {
        throw new Error(`no answer within ${this.options.timeout_ms} ms`)
      }
      return result
    } finally {
      guard.cancel()
    }
  }

  private async close(rcon: Rcon): Promise<void> {
    const socket = rcon.socket
    if (!socket) {
      return
    }
    const guard = timer(GUARD_MS, undefined)
    try {
      if (rcon.authenticated && socket.writable) {
        await Promise.race([rcon.end(), guard.promise])
      }
    } catch {
      // Already closing; destroy below.
    } finally {
      guard.cancel()
      socket.destroy()
    }
  }
}
