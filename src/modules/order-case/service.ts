import { MedusaService } from "@medusajs/framework/utils"
import { Dispute, DisputeGatewayEvent, OrderHold, OrderLabel, OrderLabelAssignment } from "./models"

/**
 * Owns the order cases: holds, merchant order labels (definitions and the
 * one set per order), disputes per payment and the gateway dispute events
 * received. It never touches orders, payments or other modules; placing a
 * hold or recording a dispute is a workflow.
 */
class OrderCaseModuleService extends MedusaService({
  OrderHold,
  OrderLabel,
  OrderLabelAssignment,
  Dispute,
  DisputeGatewayEvent,
}) {}

export default OrderCaseModuleService
