import { spawn, type ChildProcess } from "node:child_process"
import path from "node:path"

const ROOT = path.resolve(__dirname, "../..")
const MEDUSA_BIN = path.join(ROOT, "node_modules/@medusajs/cli/cli.js")

/** A process started by {@link startMedusaExec}. */
export type MedusaExecProcess = {
  child: ChildProcess
  /** Its stdout, line by line, as it arrives. */
  lines: string[]
  /** Resolves when it exits: its code, or the signal that killed it (a test's SIGKILL). */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
}

/**
 * Another server process for a crash test: `medusa exec <script> [...args]`
 * against the test's database, the way a worker beside the test app would
 * run. `name` labels its output and, as `application_name`, its database
 * connections (so a test can find them in `pg_stat_activity`). When it
 * exits with an error, its stderr's tail and last lines are printed.
 */
export function startMedusaExec(
  script: string,
  options: { database_url: string; name: string; args?: string[]; env?: Record<string, string> }
): MedusaExecProcess {
  const url = new URL(options.database_url)
  url.searchParams.set("application_name", options.name)
  const child = spawn(process.execPath, [MEDUSA_BIN, "exec", script, ...(options.args ?? [])], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: url.toString(),
      NODE_ENV: "test",
      LOG_LEVEL: "error",
      MEDUSA_DISABLE_TELEMETRY: "true",
      MEDUSA_ADMIN_DISABLED: "true",
      TS_NODE_TRANSPILE_ONLY: "true",
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  })
  const lines: string[] = []
  let stderr = ""
  child.stdout!.on("data", (b: Buffer) => lines.push(...b.toString().split("\n").filter(Boolean)))
  child.stderr!.on("data", (b: Buffer) => {
    stderr = (stderr + b.toString()).slice(-4000)
  })
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("exit", (code, signal) => {
      if (code) {
        console.error(`[${options.name}] exited ${code}:\n${stderr}\n${lines.slice(-20).join("\n")}`)
      }
      resolve({ code, signal })
    })
  )
  return { child, lines, exited }
}
