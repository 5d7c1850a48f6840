/**
 * Events this plugin emits, named `order_ops.<thing>.<past tense>`.
 * Payloads are tiny: `{ id }` plus flags; subscribers load what they need.
 */
export const OrderOpsEvents = {
  NOTE_CREATED: "order_ops.note.created",
  NOTE_UPDATED: "order_ops.note.updated",
  NOTE_DELETED: "order_ops.note.deleted",
  SHIPMENT_CREATED: "order_ops.shipment.created",
  SHIPMENT_UPDATED: "order_ops.shipment.updated",
  SHIPMENT_STATUS_CHANGED: "order_ops.shipment.status_changed",
  LABEL_PURCHASED: "order_ops.label.purchased",
  LABEL_VOIDED: "order_ops.label.voided",
  LABEL_REFUND_UPDATED: "order_ops.label.refund_updated",
  CARRIER_WEBHOOK_RECEIVED: "order_ops.carrier_webhook.received",
  DELIVERY_DELIVERED: "order_ops.delivery.delivered",
  DELIVERY_FAILED: "order_ops.delivery.failed",
  DELIVERY_REVOKED: "order_ops.delivery.revoked",
  DELIVERY_UPDATED: "order_ops.delivery.updated",
  TEST_ORDER_PLACED: "order_ops.test_order.placed",
  TEST_ORDER_DELETED: "order_ops.test_order.deleted",
  ORDER_STATUS_CHANGED: "order_ops.order.status_changed",
  ORDER_HELD: "order_ops.order.held",
  ORDER_RELEASED: "order_ops.order.released",
  ORDER_LABEL_SET: "order_ops.order.label_set",
  DISPUTE_OPENED: "order_ops.dispute.opened",
  DISPUTE_UPDATED: "order_ops.dispute.updated",
  WEBHOOK_ENDPOINT_DISABLED: "order_ops.webhook_endpoint.disabled",
  /** New outgoing webhook deliveries, written by a plugin workflow with its change: attempted at once. */
  WEBHOOK_DELIVERIES_ENQUEUED: "order_ops.webhook_deliveries.enqueued",
} as const

export type OrderOpsEventName = (typeof OrderOpsEvents)[keyof typeof OrderOpsEvents]

/** Payload of `order_ops.note.*` events. */
export type OrderNoteEventData = {
  /** The note id. */
  id: string
  /** The order the note belongs to. */
  order_id: string
  /** True when the customer should be told about this note. */
  notify_customer?: boolean
}

/** Payload of `order_ops.shipment.*` events. */
export type ShipmentEventData = {
  /** The shipment id. */
  id: string
  order_id: string
  /** For `status_changed`: the new and previous status. */
  status?: string
  previous_status?: string | null
  /** For `status_changed`: whether the shipment's customer notifications were on when it moved. */
  notify_customer?: boolean
  /** For `updated`: the carrier, tracking number or tracking URL changed. */
  tracking_changed?: boolean
  /** For `updated`: the shipment's `updated_at` after the edit (ISO), which names this edit. */
  updated_at?: string
}

/** Payload of `order_ops.test_order.*` events. */
export type TestOrderEventData = {
  /** The test_order row id. */
  id: string
  order_id: string
}

/** Payload of `order_ops.label.*` events. */
export type LabelEventData = {
  /** The shipping label id. */
  id: string
  order_id: string
  shipment_id?: string | null
  refund_status?: string
}

/** Payload of `order_ops.carrier_webhook.received`: the inbox rows to apply. */
export type CarrierWebhookEventData = {
  ids: string[]
  /** Each row's partition key, in the order of `ids` (see `webhookPartitionSlot`). */
  partition_keys?: number[]
}

/** Payload of `order_ops.delivery.*` events. */
export type DeliveryEventData = {
  /** The delivery id. */
  id: string
  order_id: string
  status: string
}

/**
 * Payload of `order_ops.order.status_changed`: a refresh changed the persisted
 * fulfillment or payment status of an order (not on its first row). Both
 * pairs are given, changed or not.
 */
export type OrderStatusChangedEventData = {
  /** The order id. */
  id: string
  /** When the computation that wrote the new row began (ISO): with the statuses, what makes a change unique. */
  computed_at: string
  fulfillment_status: string
  previous_fulfillment_status: string
  payment_status: string
  previous_payment_status: string
}
