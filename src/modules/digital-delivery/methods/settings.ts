import { z } from "@medusajs/framework/zod"

/**
 * zod building blocks for the methods' settings schemas. Every issue
 * message names its field as `settings.<field>`, so a route's 400 says
 * which setting is wrong.
 */

/** A required trimmed text of at most `max` characters. */
export const settingText = (field: string, max: number) =>
  z
    .string({ error: `settings.${field} must be text` })
    .trim()
    .min(1, { error: `settings.${field} is required` })
    .max(max, { error: `settings.${field} is longer than ${max} characters` })

/** An optional metadata key name. */
export const settingKey = (field: string) =>
  z.string({ error: `settings.${field} must be text` }).trim().min(1).max(100).optional()
