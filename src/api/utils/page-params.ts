import { z } from "@medusajs/framework/zod"

/**
 * One paging number of a list route's query (`limit`, `offset`), coerced
 * from the query string, with 400 messages that name it.
 */
export const pageNumber = (name: string, fallback: number, min: number, max?: number) => {
  let schema = z.coerce
    .number({ error: `${name} must be a number` })
    .int({ error: `${name} must be a whole number` })
    .min(min, { error: `${name} must be at least ${min}` })
  if (max) {
    schema = schema.max(max, { error: `${name} can be at most ${max}` })
  }
  return schema.default(fallback)
}

/** `limit` (1 to `max`, default `defaultLimit`) and `offset` (0 and up, default 0) of a list route. */
export const pageParams = (defaultLimit: number, max: number) => ({
  limit: pageNumber("limit", defaultLimit, 1, max),
  offset: pageNumber("offset", 0, 0),
})
