#!/usr/bin/env node
/**
 * `npm test`: runs every tier — unit, modules, http, layout, browser — one after the
 * other, then prints one closing line `N passed, N failed` over all of them.
 *
 * The browser tier needs Chromium (Debian's `chromium` package). Without it
 * the tier is skipped with a loud warning, unless REQUIRE_BROWSER=1, where a
 * missing browser is a failure.
 *
 * The layout tier needs Redis on REDIS_URL (default redis://127.0.0.1:6379;
 * it uses its own database number, LAYOUT_REDIS_DB, default 13). When none
 * answers, a `redis-server` is started here for the tier and stopped after.
 *
 * Usage: npm test [-- unit modules http layout browser]   (default: all tiers)
 * Writes .test-results/<tier>.json (jest --json) and .test-results/summary.json.
 */
import { spawn, spawnSync } from "node:child_process"
import net from "node:net"
import fs from "node:fs"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { createRequire } from "node:module"
import { stripVTControlCharacters } from "node:util"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const require = createRequire(import.meta.url)
const { findChromium } = require(path.join(root, "integration-tests/browser/chromium.js"))

const ALL_TIERS = ["unit", "modules", "http", "layout", "browser"]
const requested = process.argv.slice(2).filter((arg) => ALL_TIERS.includes(arg))
const tiers = requested.length ? requested : ALL_TIERS
const requireBrowser = process.env.REQUIRE_BROWSER === "1"
const resultsDir = path.join(root, ".test-results")
fs.mkdirSync(resultsDir, { recursive: true })

const totals = { passed: 0, failed: 0, skipped: 0 }
const rows = []
/** Failed tests, named again at the end: CI logs are often read from the tail. */
const failures = []

function collectFailures(tier, result) {
  for (const suite of result.testResults ?? []) {
    const file = path.relative(root, suite.name)
    if (suite.status === "failed" && !(suite.assertionResults ?? []).some((a) => a.status === "failed")) {
      failures.push({ tier, title: `${file} (suite failed to run)`, message: suite.message ?? "" })
    }
    for (const assertion of suite.assertionResults ?? []) {
      if (assertion.status !== "failed") continue
      failures.push({ tier, title: `${file} › ${assertion.fullName}`, message: (assertion.failureMessages ?? []).join("\n") })
    }
  }
}

function banner(lines) {
  const width = Math.max(...lines.map((l) => l.length)) + 4
  const bar = "!".repeat(width)
  console.log(`\n${bar}\n${lines.map((l) => `! ${l.padEnd(width - 4)} !`).join("\n")}\n${bar}\n`)
}

/** Whether something answers PING on the Redis URL's host and port. */
async function redisAnswers(url) {
  const { hostname, port } = new URL(url)
  return await new Promise((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port || 6379) })
    const done = (ok) => {
      socket.destroy()
      resolve(ok)
    }
    socket.setTimeout(2000, () => done(false))
    socket.on("error", () => done(false))
    socket.on("connect", () => socket.write("PING\r\n"))
    socket.on("data", (b) => done(b.toString().startsWith("+PONG")))
  })
}

/** Starts `redis-server` on REDIS_URL's port when nothing answers there; returns the child, or null. */
async function ensureRedis() {
  const url = process.env.REDIS_URL || "redis://127.0.0.1:6379"
  if (await redisAnswers(url)) {
    return null
  }
  const { port } = new URL(url)
  console.log(`starting redis-server on port ${port || 6379} for the layout tier`)
  const child = spawn("redis-server", ["--port", String(port || 6379), "--save", "", "--appendonly", "no"], { stdio: "ignore" })
  child.on("error", (e) => console.log(`could not start redis-server: ${e.message}`))
  for (let i = 0; i < 50 && !(await redisAnswers(url)); i++) {
    await new Promise((r) => setTimeout(r, 100))
  }
  return child
}

for (const tier of tiers) {
  if (tier === "browser" && !findChromium()) {
    if (requireBrowser) {
      banner(["BROWSER TIER FAILED: no Chromium found and REQUIRE_BROWSER=1.", "Install it: apt-get update && apt-get install -y chromium"])
      totals.failed += 1
      rows.push({ tier, passed: 0, failed: 1, skipped: 0, note: "no Chromium" })
    } else {
      banner(["BROWSER TIER SKIPPED: no Chromium found.", "Install Debian's chromium (apt-get install -y chromium) or set CHROMIUM_PATH;", "set REQUIRE_BROWSER=1 to make this a failure."])
      rows.push({ tier, passed: 0, failed: 0, skipped: 0, note: "SKIPPED: no Chromium" })
    }
    continue
  }

  let redisChild = null
  if (tier === "layout") {
    redisChild = await ensureRedis()
  }

  const outputFile = path.join(resultsDir, `${tier}.json`)
  fs.rmSync(outputFile, { force: true })
  console.log(`\n=== ${tier} tests ===`)
  const args = [
    require.resolve("jest/bin/jest"),
    "--selectProjects", tier,
    "--json", "--outputFile", outputFile,
    "--forceExit",
    // One Medusa app or browser at a time: this is sized for a 2-core machine.
    // In one worker process rather than in band, so that jest can replace the
    // worker once a file leaves it holding more than the limit: each HTTP
    // file boots a whole Medusa app, and in one process their leftovers add
    // up until the heap runs out (it did at the 16th of 27 files).
    ...(tier === "unit" ? [] : ["--maxWorkers=1", "--workerIdleMemoryLimit=1500MB"]),
  ]
  // Only the layout tier runs on Redis. Every other tier boots Medusa
  // in-process on the in-memory event bus and workflow engine: with
  // REDIS_URL set, medusa-config.ts would put them on one shared Redis,
  // where a server-mode test never runs its subscribers and one test
  // file's queued jobs reach the next file's (dropped) database.
  const { REDIS_URL: redisUrl, ...baseEnv } = process.env
  const run = spawnSync(process.execPath, args, {
    cwd: root,
    stdio: "inherit",
    env: {
      ...baseEnv,
      ...(tier === "layout" && redisUrl ? { REDIS_URL: redisUrl } : {}),
      NODE_OPTIONS: [process.env.NODE_OPTIONS, "--experimental-vm-modules"].filter(Boolean).join(" "),
      MEDUSA_DISABLE_TELEMETRY: "true",
      LOG_LEVEL: process.env.LOG_LEVEL ?? "error",
    },
  })

  if (redisChild) {
    redisChild.kill("SIGTERM")
  }

  let result = null
  try {
    result = JSON.parse(fs.readFileSync(outputFile, "utf8"))
  } catch {
    result = null
  }
  if (!result) {
    // jest died before writing results (bad config, crashed global setup…)
    totals.failed += 1
    rows.push({ tier, passed: 0, failed: 1, skipped: 0, note: `jest exited ${run.status} without results` })
    continue
  }
  const failedSuites = result.numRuntimeErrorTestSuites ?? 0
  const passed = result.numPassedTests
  const failed = result.numFailedTests + failedSuites
  const skipped = result.numPendingTests + result.numTodoTests
  const noTests = result.numTotalTests === 0
  collectFailures(tier, result)
  totals.passed += passed
  totals.failed += failed + (noTests ? 1 : 0)
  totals.skipped += skipped
  rows.push({ tier, passed, failed: failed + (noTests ? 1 : 0), skipped, note: noTests ? "no tests ran" : "" })
}

if (failures.length) {
  console.log("\nFailed tests:")
  for (const failure of failures) {
    // strip ANSI colours; keep the first lines of the message, where jest names the expectation
    const lines = stripVTControlCharacters(failure.message).split("\n").filter((l) => l.trim()).slice(0, 8)
    console.log(`  [${failure.tier}] ${failure.title}`)
    for (const line of lines) console.log(`      ${line.trim().slice(0, 200)}`)
  }
}

console.log("\nTier       passed  failed  skipped")
for (const row of rows) {
  console.log(`${row.tier.padEnd(10)} ${String(row.passed).padStart(6)}  ${String(row.failed).padStart(6)}  ${String(row.skipped).padStart(7)}  ${row.note ?? ""}`)
}
fs.writeFileSync(path.join(resultsDir, "summary.json"), JSON.stringify({ ...totals, tiers: rows }, null, 2))
console.log(`\n${totals.passed} passed, ${totals.failed} failed`)
process.exit(totals.failed > 0 ? 1 : 0)
