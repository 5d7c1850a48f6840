export * from "./steps/record-order-activity"
