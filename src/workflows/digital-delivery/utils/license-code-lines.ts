/** The longest license code a pool accepts (well inside PostgreSQL's index row limit). */
export const LICENSE_CODE_MAX_LENGTH = 500

/**
 * The codes in pasted text or a CSV file's content: one per line (first CSV
 * column, quotes dropped), trimmed, blank lines ignored, a `code` header row
 * skipped. Pure; the route's validator and the import step both use it.
 */
export function parseLicenseCodeLines(text: string): string[] {
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.split(",")[0].replace(/^"|"$/g, "").trim())
    .filter(Boolean)
  if (lines.length && /^(code|codes|license|license_code|key)$/i.test(lines[0])) {
    lines.shift()
  }
  return lines
}

/**
 * Why the codes in `text` cannot be imported, or null. Names the line and
 * the length, never the code itself (codes are secrets: never in a message
 * or a log).
 */
export function licenseCodeLinesProblem(text: string): string | null {
  const lines = parseLicenseCodeLines(text)
  const long = lines.findIndex((code) => code.length > LICENSE_CODE_MAX_LENGTH)
  if (long >= 0) {
    return `codes: code ${long + 1} is ${lines[long].length} characters long; a license code may have at most ${LICENSE_CODE_MAX_LENGTH}`
  }
  // PostgreSQL refuses a NUL in text; other control characters are a paste gone wrong.
  // eslint-disable-next-line no-control-regex
  const control = lines.findIndex((code) => /[\u0000-\u0008\u000b-\u001f\u007f]/.test(code))
  if (control >= 0) {
    return `codes: code ${control + 1} contains a control character`
  }
  return null
}
