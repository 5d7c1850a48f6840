const { Client } = require("pg")

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
  const admin = new Client({
    host: process.env.DB_HOST,
    port: Number(process.env.DB_PORT),
    user: process.env.DB_USERNAME,
    password: process.env.DB_PASSWORD,
    database: "postgres",
  })
  await admin.connect()
  await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`).catch(() => undefined)
  await admin.end()
  await pg.stop()
}
