/** Path to Debian's Chromium (or CHROMIUM_PATH), or null when none is installed. */
export function findChromium(): string | null
/** Launch flags this machine needs. */
export const CHROMIUM_ARGS: string[]
