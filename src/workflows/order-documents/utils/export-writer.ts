import { once } from "node:events"
import type { Writable } from "node:stream"
import { stringify } from "csv-stringify"
import ExcelJS from "exceljs"
import type { Cell, ExportFormat } from "./export-columns"

/** Writes rows to a stream as they come; nothing but the current row is held in memory. */
export type ExportWriter = {
  write(row: Cell[]): Promise<void>
  /** Ends the document; resolves once everything was handed to the stream. */
  finish(): Promise<void>
}

export const EXPORT_MIME_TYPES: Record<ExportFormat, string> = {
  csv: "text/csv",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}

/**
 * A streaming writer: csv-stringify for CSV (RFC 4180 quoting, a UTF-8 BOM
 * so Excel reads accents right), exceljs's streaming WorkbookWriter for
 * XLSX (rows committed as they are written, inline strings). Headers first.
 */
export function createExportWriter(format: ExportFormat, out: Writable, headers: string[]): ExportWriter {
  if (format === "csv") {
    const csv = stringify({ bom: true, cast: { boolean: (v) => (v ? "true" : "false") } })
    csv.pipe(out)
    const write = async (row: Cell[]) => {
      if (!csv.write(row)) {
        await once(csv, "drain")
      }
    }
    csv.write(headers)
    return {
      write,
      finish: async () => {
        const done = once(out, "finish")
        csv.end()
        await done
      },
    }
  }
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false })
  const sheet = workbook.addWorksheet("Orders")
  sheet.addRow(headers).commit()
  return {
    write: async (row) => {
      sheet.addRow(row).commit()
    },
    finish: async () => {
      sheet.commit()
      await workbook.commit()
    },
  }
}
