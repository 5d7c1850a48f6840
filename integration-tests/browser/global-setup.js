/**
 * Brings up the demo store (scripts/demo.mjs: migrate, seed, admin user,
 * `medusa develop`) on its own database and port for the browser tier.
 */
const { spawn } = require("child_process")
const path = require("path")
const { ensurePostgres, maintenanceClient } = require("../setup/postgres")
const { findChromium } = require("./chromium")

const ROOT = path.resolve(__dirname, "../..")
const PORT = Number(process.env.BROWSER_DEMO_PORT || 9100)

async function waitFor(url, { timeoutMs, child }) {
  const started = Date.now()
  while (Date.now() - started < timeoutMs) {
    if (child.exitCode !== null) {
      throw new Error(`the demo store exited with code ${child.exitCode} before ${url} answered`)
    }
    try {
      const res = await fetch(url)
      if (res.ok) {
        return
      }
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 1000))
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${url}`)
}

module.exports = async function globalSetup() {
  if (!findChromium()) {
    throw new Error(
      "No Chromium found (install Debian's `chromium` package or set CHROMIUM_PATH); the browser tier cannot run"
    )
  }
  const pg = await ensurePostgres()
  const dbName = `order_ops_browser_${process.pid}`
  const admin = maintenanceClient()
  await admin.connect()
  await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`)
  await admin.query(`CREATE DATABASE "${dbName}"`)
  await admin.end()

  const auth = process.env.DB_PASSWORD
    ? `${encodeURIComponent(process.env.DB_USERNAME)}:${encodeURIComponent(process.env.DB_PASSWORD)}`
    : encodeURIComponent(process.env.DB_USERNAME)
  const databaseUrl = `postgres://${auth}@${process.env.DB_HOST}:${process.env.DB_PORT}/${dbName}`
  const baseUrl = `http://localhost:${PORT}`
  const logs = []
  const child = spawn(process.execPath, [path.join(ROOT, "scripts/demo.mjs")], {
    cwd: ROOT,
    detached: true,
    env: {
      ...process.env,
      NODE_ENV: "development",
      DATABASE_URL: databaseUrl,
      PORT: String(PORT),
      ADMIN_CORS: baseUrl,
      AUTH_CORS: baseUrl,
      MEDUSA_DISABLE_TELEMETRY: "true",
      // Specs set up the delivery products they need; the demo's stand-ins would clash on their ports.
      ORDER_OPS_DEMO_DELIVERY: "0",
    },
    stdio: ["ignore", "pipe", "pipe"],
  })
  const keep = (chunk) => {
    logs.push(chunk.toString())
    if (logs.length > 400) {
      logs.shift()
    }
    if (process.env.DEBUG_DEMO) {
      process.stderr.write(chunk)
    }
  }
  child.stdout.on("data", keep)
  child.stderr.on("data", keep)

  globalThis.__ORDER_OPS_BROWSER__ = { child, pg, dbName, databaseUrl }
  process.env.ORDER_OPS_BROWSER_BASE_URL = baseUrl
  process.env.ORDER_OPS_BROWSER_DATABASE_URL = databaseUrl

  try {
    await waitFor(`${baseUrl}/health`, { timeoutMs: 10 * 60 * 1000, child })
    await waitFor(`${baseUrl}/app`, { timeoutMs: 5 * 60 * 1000, child })
  } catch (e) {
    process.stderr.write(`\n[browser] demo store log tail:\n${logs.slice(-80).join("")}\n`)
    throw e
  }
}
