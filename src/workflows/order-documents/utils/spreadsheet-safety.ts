/**
 * Characters that make a spreadsheet read a cell as a formula (OWASP, "CSV
 * Injection"): `=`, `+`, `-`, `@`, tab and carriage return.
 */
const FORMULA_TRIGGERS = new Set(["=", "+", "-", "@", "\t", "\r"])

/**
 * Makes a text cell inert in Excel, LibreOffice and Google Sheets: a value
 * that starts with a formula trigger gets a leading single quote, as OWASP
 * recommends, so it is shown as text and never evaluated. Quoting the field
 * itself (commas, quotes) is the CSV writer's job. Numbers are never passed
 * here: a negative amount stays a number. Pure.
 */
export function neutralizeFormula(value: string): string {
  return value.length > 0 && FORMULA_TRIGGERS.has(value[0]) ? `'${value}` : value
}
