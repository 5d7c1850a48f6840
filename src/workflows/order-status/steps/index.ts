export * from "./resolve-status-order-ids"
export * from "./upsert-order-statuses"
