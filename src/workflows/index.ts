export * from "./order-notes"
export * from "./order-activity"
export * from "./timeline"
