#!/usr/bin/env node
/**
 * `npm run bench`: runs the benchmarks (integration-tests/bench/*.bench.ts),
 * each of which writes its figures to docs/benchmarks/<id>.json, then
 * assembles docs/benchmarks.md from all of them.
 *
 *   npm run bench                 every benchmark
 *   npm run bench -- timeline     only files matching "timeline"
 *   BENCH_SAMPLES=1000 npm run bench
 */
import { spawnSync } from "node:child_process"
import fs from "node:fs"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { createRequire } from "node:module"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const require = createRequire(import.meta.url)
const filter = process.argv.slice(2)

const run = spawnSync(
  process.execPath,
  [require.resolve("jest/bin/jest"), "--selectProjects", "bench", "--runInBand", "--forceExit", ...filter],
  {
    cwd: root,
    stdio: "inherit",
    env: {
      ...process.env,
      NODE_OPTIONS: [process.env.NODE_OPTIONS, "--experimental-vm-modules"].filter(Boolean).join(" "),
      MEDUSA_DISABLE_TELEMETRY: "true",
      LOG_LEVEL: "error",
    },
  }
)

const dir = path.join(root, "docs/benchmarks")
const results = fs.existsSync(dir)
  ? fs.readdirSync(dir).filter((f) => f.endsWith(".json")).sort().map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), "utf8")))
  : []

const lines = [
  "# Benchmarks",
  "",
  "Written by `npm run bench` (scripts/bench.mjs); do not edit by hand. Each benchmark measures",
  "the plugin against a baseline in the same run, on the same machine, through the same stack.",
  "",
]
for (const r of results) {
  lines.push(`## ${r.title}`, "")
  lines.push(`**Goal:** ${r.goal} — **${r.met ? "met" : "NOT met"}**`, "")
  lines.push(r.method, "")
  lines.push(`| ${r.table.headers.join(" | ")} |`, `|${r.table.headers.map(() => "---").join("|")}|`)
  for (const row of r.table.rows) {
    lines.push(`| ${row.join(" | ")} |`)
  }
  lines.push("", `Measured ${r.measured_at} on ${r.machine}.`, "")
}
fs.writeFileSync(path.join(root, "docs/benchmarks.md"), lines.join("\n"))
console.log(`\nwrote docs/benchmarks.md (${results.length} benchmark${results.length === 1 ? "" : "s"})`)
process.exit(run.status ?? 1)
