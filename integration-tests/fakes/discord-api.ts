import { startFake, type FakeResponse, type FakeServerHandle } from "./http-fake"

export type { RecordedRequest } from "./http-fake"

/**
 * A fake of the Discord REST API's guild member role endpoints
 * (`PUT`/`DELETE /api/v10/guilds/{guild}/members/{user}/roles/{role}`),
 * answering like Discord: 204 on success, `{ message, code }` JSON errors
 * (401 Unauthorized, 403 Missing Permissions 50013, 404 Unknown Guild 10004 /
 * Unknown Role 10011 / Unknown Member 10007) and 429 with `retry_after`.
 * Tracks roles per member and records every request. No jest globals.
 */

export const DISCORD_FAKE_BOT_TOKEN = "fake-bot-token.MTIzNDU2Nzg5MDEyMzQ1Njc4.abcdef"
export const DISCORD_FAKE_GUILD_ID = "100000000000000001"
export const DISCORD_FAKE_ROLE_ID = "200000000000000002"
export const DISCORD_FAKE_MEMBER_ID = "300000000000000003"

/** One guild: its roles, and members with the role ids they hold. */
export type DiscordFakeGuild = { roles: Set<string>; members: Map<string, Set<string>> }

export type DiscordFakeState = {
  bot_token: string
  guilds: Map<string, DiscordFakeGuild>
  /** Answer 403 Missing Permissions (bot lacks Manage Roles / role hierarchy). */
  missing_permissions: boolean
  /** Answer 429 while set; `remaining` counts down the 429s (null = until cleared). */
  rate_limit: { retry_after: number; global?: boolean; remaining?: number | null } | null
}

export type DiscordFakeHandle = FakeServerHandle<DiscordFakeState> & {
  /** `url` + `/api/v10`: pass as the Discord base URL. */
  api_base: string
  /** Adds a member (joins the guild) with no roles. */
  addMember(user_id: string, guild_id?: string): void
  /** The roles a member holds, or null when not a member. */
  rolesOf(user_id: string, guild_id?: string): string[] | null
}

const ROUTE = /^\/api\/v10\/guilds\/([^/]+)\/members\/([^/]+)\/roles\/([^/]+)$/

const error = (status: number, message: string, code: number): FakeResponse => ({ status, body: { message, code } })

/** Starts the fake on 127.0.0.1 with a random port, one guild, one role and one member. */
export async function startDiscordFake(
  options: { bot_token?: string; guild_id?: string; role_ids?: string[]; member_ids?: string[]; port?: number } = {}
): Promise<DiscordFakeHandle> {
  const guild_id = options.guild_id ?? DISCORD_FAKE_GUILD_ID
  const state: DiscordFakeState = {
    bot_token: options.bot_token ?? DISCORD_FAKE_BOT_TOKEN,
    guilds: new Map([
      [
        guild_id,
        {
          roles: new Set(options.role_ids ?? [DISCORD_FAKE_ROLE_ID]),
          members: new Map((options.member_ids ?? [DISCORD_FAKE_MEMBER_ID]).map((id) => [id, new Set<string>()])),
        },
      ],
    ]),
    missing_permissions: false,
    rate_limit: null,
  }

  const fake = await startFake(state, (req) => {
    if (req.headers.authorization !== `Bot ${state.bot_token}`) {
      return error(401, "401: Unauthorized", 0)
    }
    const match = ROUTE.exec(req.path)
    if (!match || (req.method !== "PUT" && req.method !== "DELETE")) {
      return error(404, "404: Not Found", 0)
    }
    const [, g, user, role] = match
    if (state.rate_limit) {
      const limit = state.rate_limit
      if (limit.remaining != null) {
        limit.remaining -= 1
        if (limit.remaining <= 0) {
          state.rate_limit = null
        }
      }
      return {
        status: 429,
        body: { message: "You are being rate limited.", retry_after: limit.retry_after, global: limit.global ?? false },
      }
    }
    const guild = state.guilds.get(g)
    if (!guild) {
      return error(404, "Unknown Guild", 10004)
    }
    if (state.missing_permissions) {
      return error(403, "Missing Permissions", 50013)
    }
    if (!guild.roles.has(role)) {
      return error(404, "Unknown Role", 10011)
    }
    const member = guild.members.get(user)
    if (!member) {
      return error(404, "Unknown Member", 10007)
    }
    if (req.method === "PUT") {
      member.add(role)
    } else {
      member.delete(role)
    }
    return { status: 204 }
  }, options.port ?? 0)

  return {
    ...fake,
    api_base: `${fake.url}/api/v10`,
    addMember(user_id, g = guild_id) {
      state.guilds.get(g)?.members.set(user_id, new Set())
    },
    rolesOf(user_id, g = guild_id) {
      const member = state.guilds.get(g)?.members.get(user_id)
      return member ? [...member] : null
    },
  }
}
