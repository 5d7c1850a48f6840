export * from "./place-test-order"
export * from "./delete-test-orders"
