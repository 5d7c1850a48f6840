export * from "./steps/load-order-timeline"
export * from "./workflows/get-order-timeline"
export * from "./utils/core-history"
export * from "./utils/merge-timeline"
