export * from "./order-activity"
