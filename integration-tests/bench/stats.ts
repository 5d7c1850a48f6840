import fs from "fs"
import os from "os"
import path from "path"

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
