import { z } from "@medusajs/framework/zod"
import { pageParams } from "../../../utils/page-params"
import { EXCEPTION_KINDS } from "../../../../workflows/order-case/utils/exception-rules"

/** `GET /admin/order-ops/exceptions` */
export const AdminGetOrderExceptionsParams = z
  .object({
    rule: z.enum(EXCEPTION_KINDS, { error: `rule must be one of ${EXCEPTION_KINDS.join(", ")}` }).optional(),
    ...pageParams(50, 200),
  })
  .strict()
export type AdminGetOrderExceptionsParamsType = z.infer<typeof AdminGetOrderExceptionsParams>
