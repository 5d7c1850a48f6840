export * from "./test-order"
