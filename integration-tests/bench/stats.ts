import fs from "fs"
import os from "os"
import path from "path"
import { Client } from "pg"

/** The p-th percentile (0–100) of samples, nearest-rank. */
export function percentile(samples: number[], p: number): number {
  if (!samples.length) {
    return NaN
  }
  const sorted = [...samples].sort((a, b) => a - b)
  const rank = Math.ceil((p / 100) * sorted.length) - 1
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))]
}

/** Milliseconds taken by `fn`, measured with the high-resolution clock. */
export async function timeIt(fn: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint()
  await fn()
  return Number(process.hrtime.bigint() - start) / 1e6
}

export type BenchmarkResult = {
  /** File name under docs/benchmarks and heading in docs/benchmarks.md. */
  id: string
  title: string
  /** What was measured and how, in a sentence or two. */
  method: string
  goal: string
  met: boolean
  table: { headers: string[]; rows: (string | number)[][] }
  measured_at: string
  machine: string
}

/** Writes one benchmark's figures; scripts/bench.mjs assembles docs/benchmarks.md. */
export function writeBenchmark(result: BenchmarkResult): void {
  const dir = path.resolve(__dirname, "../../docs/benchmarks")
  fs.mkdirSync(dir, { recursive: true })
  fs.writeFileSync(path.join(dir, `${result.id}.json`), JSON.stringify(result, null, 2) + "\n")
}

export function machineDescription(): string {
  return `${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`
}

/** What {@link watchQueries} gives: counts of pg queries sent by this process while it counts. */
export type QueryWatch = {
  /** Queries sent while `fn` ran (anything else the process does meanwhile adds to it). */
  count(fn: () => Promise<unknown>): Promise<number>
  /** Counts from now on, by statement shape, until {@link QueryWatch.report}. */
  start(): void
  /** The total and the most frequent statement shapes since `start`, one per line; stops counting. */
  report(top?: number): string
  /** Puts pg's own `query` back. */
  restore(): void
}

/**
 * Counts the SQL statements this process sends, by wrapping pg's
 * `Client.prototype.query` (every Knex and MikroORM query goes through it).
 * Shapes fold literals and placeholders, and a workflow execution read keeps
 * the workflow's id, so runs are counted per workflow. Call `restore()` in a
 * `finally`.
 */
export function watchQueries(): QueryWatch {
  const prototype = Client.prototype as unknown as { query: (...args: unknown[]) => unknown }
  const original = prototype.query
  let counting = false
  let total = 0
  const shapes = new Map<string, number>()
  prototype.query = function (this: unknown, ...args: unknown[]) {
    if (counting) {
      total += 1
      const first = args[0] as string | { text?: string } | undefined
      const text = typeof first === "string" ? first : (first?.text ?? "?")
      const workflow = /from "workflow_execution"/.test(text) ? ` [${/'([^']*)'/.exec(text)?.[1] ?? JSON.stringify(args[1])?.slice(0, 60)}]` : ""
      const shape = workflow
        ? `workflow_execution read${workflow}`
        : text.replace(/'(?:[^']|'')*'/g, "'…'").replace(/\$\d+/g, "$").replace(/\b\d+\b/g, "N").replace(/\s+/g, " ").slice(0, 160)
      shapes.set(shape, (shapes.get(shape) ?? 0) + 1)
    }
    return original.apply(this, args)
  }
  return {
    async count(fn) {
      total = 0
      counting = true
      try {
        await fn()
      } finally {
        counting = false
      }
      return total
    },
    start() {
      total = 0
      shapes.clear()
      counting = true
    },
    report(top = 60) {
      counting = false
      const lines = [...shapes.entries()].sort((a, b) => b[1] - a[1]).slice(0, top)
      return `${total} queries\n` + lines.map(([q, n]) => `${String(n).padStart(7)}  ${q}`).join("\n")
    },
    restore() {
      counting = false
      prototype.query = original
    },
  }
}
