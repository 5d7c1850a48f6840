export * from "./workflows"
export * from "./utils/test-order-rules"
export * from "./steps/get-test-order-flags"
