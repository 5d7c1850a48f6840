/** The server's message for a failed request (the SDK puts it on the error), or a fallback. */
export function errorMessage(error: unknown): string {
  return error instanceof Error && error.message ? error.message : "Something went wrong"
}

/**
 * Which form field a server message is about. The API's 400s name the field
 * ("tracking_number: an international shipment needs a tracking number",
 * "items[0].quantity: …"), so the form can show the message under it.
 */
export function fieldOfError<F extends string>(message: string, fields: readonly F[]): F | null {
  return fields.find((field) => new RegExp(`(^|[^a-z_])${field}([^a-z_]|$)`).test(message)) ?? null
}

/**
 * A server error placed on its form field: the field, and the message without
 * its "field: " prefix (the field's label already says which). `field` is null
 * when the message names none of them; the toast carries it then.
 */
export function fieldError<F extends string>(message: string, fields: readonly F[]): { field: F | null; message: string } {
  const field = fieldOfError(message, fields)
  if (!field) return { field, message }
  const prefix = /^([\w.[\]]+):\s+/.exec(message)
  return { field, message: prefix && prefix[1].includes(field) ? message.slice(prefix[0].length) : message }
}
