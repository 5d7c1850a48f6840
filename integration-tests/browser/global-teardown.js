const fs = require("fs")
const path = require("path")

const { maintenanceClient } = require("../setup/postgres")

const ROOT = path.resolve(__dirname, "../..")

/** Screenshots taken while the store ran; kept in docs/screenshots. */
function publishScreenshots() {
  const from = path.join(ROOT, ".test-results/screenshots")
  const to = path.join(ROOT, "docs/screenshots")
  if (!fs.existsSync(from)) {
    return
  }
  fs.mkdirSync(to, { recursive: true })
  for (const file of fs.readdirSync(from).filter((f) => f.endsWith(".png"))) {
    fs.copyFileSync(path.join(from, file), path.join(to, file))
  }
}

/** Stops the demo store started for the browser tier and drops its database. */
module.exports = async function globalTeardown() {
  const state = globalThis.__ORDER_OPS_BROWSER__
  if (!state) {
    return
  }
  const { child, pg, dbName } = state
  if (child.exitCode === null) {
    const exited = new Promise((resolve) => child.once("exit", resolve))
    try {
      process.kill(-child.pid, "SIGINT")
    } catch {
      // already gone
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid, "SIGKILL")
      } catch {
        // already gone
      }
    }, 20000)
    await exited
    clearTimeout(timer)
  }
  const admin = maintenanceClient()
  await admin.connect()
  await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`).catch(() => undefined)
  await admin.end()
  await pg.stop()
  publishScreenshots()
}
