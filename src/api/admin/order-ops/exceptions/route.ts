import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { ORDER_CASE_MODULE } from "../../../../modules/order-case"
import type OrderCaseModuleService from "../../../../modules/order-case/service"
import { listOrderExceptions, type RawRunner } from "../../../../workflows/order-case/utils/exception-rules"
import type { AdminGetOrderExceptionsParamsType } from "./validators"

/**
 * The exceptions inbox: every order that needs a person, one row per cause
 * (a label not scanned, a failed delivery, a dispute to answer…), oldest
 * first, filterable by rule, with the count per rule. One SQL statement per
 * request, whatever the page size. Read-only: it starts no workflow.
 */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGetOrderExceptionsParamsType>,
  res: MedusaResponse
) => {
  const { rule, limit, offset } = req.validatedQuery
  const thresholds = req.scope.resolve<OrderCaseModuleService>(ORDER_CASE_MODULE).getExceptionThresholds()
  const knex = req.scope.resolve(ContainerRegistrationKeys.PG_CONNECTION) as unknown as RawRunner
  const result = await listOrderExceptions(knex, { kind: rule, limit, offset, now: new Date(), thresholds })
  res.json({ ...result, limit, offset, thresholds })
}
