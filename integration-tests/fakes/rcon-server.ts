import net from "node:net"
import type { AddressInfo } from "node:net"

/**
 * A fake game server speaking the Source RCON protocol over real TCP on
 * 127.0.0.1, the way Minecraft's RCON does: little-endian int32 size, id and
 * type, a null-terminated body and one more null byte. Auth (type 3) gets a
 * single AUTH_RESPONSE (type 2) echoing the id, or id -1 for a wrong
 * password; commands (type 2) get a RESPONSE_VALUE (type 0) with the same
 * id. It records what it receives and can be switched into failure modes.
 * No jest globals.
 */

/** Packet types (SERVERDATA_*). AUTH_RESPONSE and EXECCOMMAND share 2. */
export const RCON_PACKET = { AUTH: 3, AUTH_RESPONSE: 2, EXECCOMMAND: 2, RESPONSE_VALUE: 0 } as const

/** Largest packet size the fake accepts (Minecraft's limit on incoming packets is 1460). */
const MAX_PACKET_SIZE = 4106

/** One decoded packet. */
export type RconPacket = { id: number; type: number; body: string }

/** Encodes a packet: size, id, type, body, two null bytes. */
export function encodeRconPacket(packet: RconPacket): Buffer {
  const body = Buffer.from(packet.body, "utf8")
  const buffer = Buffer.alloc(14 + body.length)
  buffer.writeInt32LE(10 + body.length, 0)
  buffer.writeInt32LE(packet.id, 4)
  buffer.writeInt32LE(packet.type, 8)
  body.copy(buffer, 12)
  return buffer
}

/** Options for {@link startRconFake}. */
export type RconFakeOptions = {
  /** Default `minecraft`. */
  password?: string
  /** Players online, answered to `list`. Default none. */
  players?: string[]
  /** Shown in the `list` answer. Default 20. */
  max_players?: number
  /** Port to listen on (the demo's stand-in uses a fixed one). Default random. */
  port?: number
  /** Start not listening (connection refused). Default false. */
  offline?: boolean
}

/** A command the fake received after a successful login. */
export type RconReceivedCommand = {
  command: string
  /** The connection that sent it (1, 2, …). */
  connection: number
  /** True when the fake closed the socket instead of answering. */
  dropped: boolean
}

/** A running fake RCON server. */
export type RconFakeHandle = {
  host: string
  port: number
  /** Password the fake accepts; may be changed while running. */
  password: string
  /** Players online (`list`); may be changed while running. */
  players: string[]
  max_players: number
  /** Every command received after login, `list` included, in order. */
  commands: RconReceivedCommand[]
  /** Every login attempt and whether it succeeded. */
  logins: { password: string; ok: boolean }[]
  /** Connections accepted so far. */
  connections: number
  /**
   * Close the socket after receiving a command, without answering: `true`
   * for every command, or a predicate to pick commands (e.g. not `list`).
   * The command still counts as received (it "ran").
   */
  dropAfterCommand: boolean | ((command: string) => boolean)
  /** Receive commands (other than `list`) but never answer them (for timeouts after sending). */
  hangAfterCommand: boolean
  /** Answer commands (not `list`) only after this many ms: a slow server. Default 0. */
  respondDelayMs: number
  /** Accept connections, then close them at once without reading. */
  closeOnConnect: boolean
  /** Never answer a login (for connect timeouts). */
  ignoreLogin: boolean
  /** Answer for commands other than `list`. Default `Executed: <command>`. */
  respond: (command: string) => string
  /** Only the commands other than `list`. */
  executed(): string[]
  /** Stops listening and drops open connections: clients get "connection refused". */
  goOffline(): Promise<void>
  /** Listens again on the same port. */
  goOnline(): Promise<void>
  close(): Promise<void>
}

/** The Minecraft (1.13+) answer to `list`. */
export function minecraftListAnswer(players: string[], max: number): string {
  return `There are ${players.length} of a max of ${max} players online: ${players.join(", ")}`
}

/** Starts the fake on 127.0.0.1 with a random port (kept across offline/online). */
export async function startRconFake(options: RconFakeOptions = {}): Promise<RconFakeHandle> {
  const sockets = new Set<net.Socket>()
  let server: net.Server | null = null
  let port = options.port ?? 0

  const handle: RconFakeHandle = {
    host: "127.0.0.1",
    port: 0,
    password: options.password ?? "minecraft",
    players: [...(options.players ?? [])],
    max_players: options.max_players ?? 20,
    commands: [],
    logins: [],
    connections: 0,
    dropAfterCommand: false,
    hangAfterCommand: false,
    respondDelayMs: 0,
    closeOnConnect: false,
    ignoreLogin: false,
    respond: (command) => `Executed: ${command}`,
    executed: () => handle.commands.filter((c) => c.command !== "list").map((c) => c.command),
    goOffline: () => stop(),
    goOnline: () => listen(),
    close: () => stop(),
  }

  const onConnection = (socket: net.Socket) => {
    handle.connections += 1
    const connection = handle.connections
    sockets.add(socket)
    socket.on("close", () => sockets.delete(socket))
    socket.on("error", () => socket.destroy())
    if (handle.closeOnConnect) {
      socket.destroy()
      return
    }
    let authenticated = false
    let buffer = Buffer.alloc(0)
    const send = (packet: RconPacket) => {
      if (!socket.destroyed) {
        socket.write(encodeRconPacket(packet))
      }
    }

    const onPacket = (packet: RconPacket) => {
      if (packet.type === RCON_PACKET.AUTH) {
        if (handle.ignoreLogin) {
          return
        }
        const ok = packet.body === handle.password
        handle.logins.push({ password: packet.body, ok })
        authenticated = ok
        send({ id: ok ? packet.id : -1, type: RCON_PACKET.AUTH_RESPONSE, body: "" })
        return
      }
      if (packet.type === RCON_PACKET.EXECCOMMAND) {
        if (!authenticated) {
          // Commands before a successful login: real servers hang up.
          socket.destroy()
          return
        }
        const command = packet.body
        const drop =
          typeof handle.dropAfterCommand === "function" ? handle.dropAfterCommand(command) : handle.dropAfterCommand
        handle.commands.push({ command, connection, dropped: drop })
        if (drop) {
          socket.destroy()
          return
        }
        if (handle.hangAfterCommand && command.trim() !== "list") {
          return
        }
        const output =
          command.trim() === "list" ? minecraftListAnswer(handle.players, handle.max_players) : handle.respond(command)
        if (handle.respondDelayMs > 0 && command.trim() !== "list") {
          setTimeout(() => !socket.destroyed && send({ id: packet.id, type: RCON_PACKET.RESPONSE_VALUE, body: output }), handle.respondDelayMs)
          return
        }
        send({ id: packet.id, type: RCON_PACKET.RESPONSE_VALUE, body: output })
        return
      }
      // Unknown packet types get an empty answer, as Source servers do.
      send({ id: packet.id, type: RCON_PACKET.RESPONSE_VALUE, body: "" })
    }

    socket.on("data", (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk])
      while (buffer.length >= 4) {
        const size = buffer.readInt32LE(0)
        if (size < 10 || size > MAX_PACKET_SIZE) {
          socket.destroy()
          return
        }
        if (buffer.length < 4 + size) {
          break
        }
        const packet: RconPacket = {
          id: buffer.readInt32LE(4),
          type: buffer.readInt32LE(8),
          body: buffer.subarray(12, 4 + size - 2).toString("utf8"),
        }
        buffer = buffer.subarray(4 + size)
        onPacket(packet)
        if (socket.destroyed) {
          return
        }
      }
    })
  }

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      if (server) {
        resolve()
        return
      }
      const s = net.createServer(onConnection)
      s.once("error", reject)
      s.listen(port, "127.0.0.1", () => {
        s.off("error", reject)
        server = s
        port = (s.address() as AddressInfo).port
        handle.port = port
        resolve()
      })
    })

  const stop = () =>
    new Promise<void>((resolve) => {
      const s = server
      server = null
      for (const socket of sockets) {
        socket.destroy()
      }
      if (!s) {
        resolve()
        return
      }
      s.close(() => resolve())
    })

  if (options.offline) {
    // Reserve a port that nobody listens on, so "offline" is a real refusal.
    await listen()
    await stop()
  } else {
    await listen()
  }
  return handle
}
