export * from "./create-order-note"
export * from "./update-order-note"
export * from "./delete-order-note"
export * from "./notify-customer-of-order-note"
