import { z } from "@medusajs/framework/zod"
import { EXCEPTION_KINDS } from "../../../../workflows/order-case/utils/exception-rules"

/** `GET /admin/order-ops/exceptions` */
export const AdminGetOrderExceptionsParams = z
  .object({
    rule: z.enum(EXCEPTION_KINDS, { error: `rule must be one of ${EXCEPTION_KINDS.join(", ")}` }).optional(),
    limit: z.coerce.number({ error: "limit must be a number" }).int().min(1, { error: "limit must be at least 1" }).max(200, { error: "limit can be at most 200" }).default(50),
    offset: z.coerce.number({ error: "offset must be a number" }).int().min(0, { error: "offset must be at least 0" }).default(0),
  })
  .strict()
export type AdminGetOrderExceptionsParamsType = z.infer<typeof AdminGetOrderExceptionsParams>
