export * from "./order-status"
