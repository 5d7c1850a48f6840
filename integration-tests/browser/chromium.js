/** Where Debian's Chromium lives; CHROMIUM_PATH overrides. */
const fs = require("fs")

const CANDIDATES = [
  process.env.CHROMIUM_PATH,
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
].filter(Boolean)

function findChromium() {
  return CANDIDATES.find((candidate) => fs.existsSync(candidate)) ?? null
}

/** Flags this machine needs: no sandbox as root, no calls to the outside. */
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
  "--disable-dev-shm-usage",
]

module.exports = { findChromium, CHROMIUM_ARGS }
