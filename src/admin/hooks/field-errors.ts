import { toast } from "@medusajs/ui"
import { useState } from "react"
import { errorMessage, fieldError } from "../lib/errors"

/**
 * A form's server errors: `report` toasts the server's message and keeps it
 * for the field it names; `errorFor(field)` reads it back under that field.
 */
export function useFieldErrors<F extends string>(fields: readonly F[]) {
  const [error, setError] = useState<{ field: F | null; message: string; raw: string } | null>(null)
  return {
    /** The message for a field, without its "field: " prefix, or null. */
    errorFor: (field: F) => (error?.field === field ? error.message : null),
    /** The server's whole message, for forms that also mark e.g. an item line. */
    raw: error?.raw ?? null,
    clear: () => setError(null),
    report: (e: unknown) => {
      const message = errorMessage(e)
      setError({ ...fieldError(message, fields), raw: message })
      toast.error(message)
    },
  }
}
