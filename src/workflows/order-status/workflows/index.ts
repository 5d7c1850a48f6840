export * from "./refresh-order-status"
export * from "./heal-order-statuses"
