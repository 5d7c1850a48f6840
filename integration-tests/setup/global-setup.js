const { ensurePostgres } = require("./postgres")

module.exports = async function globalSetup() {
  process.env.MEDUSA_DISABLE_TELEMETRY = "true"
  globalThis.__ORDER_OPS_PG__ = await ensurePostgres()
}
