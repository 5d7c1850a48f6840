module.exports = async function globalTeardown() {
  await globalThis.__ORDER_OPS_PG__?.stop()
}
