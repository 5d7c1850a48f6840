export * from "./refresh-order-status"
