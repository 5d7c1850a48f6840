export * from "./resolve-status-order-ids"
export * from "./upsert-order-statuses"
export * from "./begin-order-status-computation"
