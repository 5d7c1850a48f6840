/**
 * True when a notification failed only because another delivery of the same
 * event sent it a moment earlier: Medusa's notification module refuses a
 * second notification with the same `idempotency_key` ("Notification with
 * idempotency_key: … already exists"), which is what the key is for. A
 * subscriber that meets it has nothing left to do.
 */
export function isDuplicateNotification(e: unknown): boolean {
  const message = (e as { message?: unknown } | null)?.message
  return typeof message === "string" && /idempotency_key/i.test(message) && /already exists/i.test(message)
}
