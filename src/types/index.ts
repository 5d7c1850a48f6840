export * from "./order-note"
export * from "./order-activity"
export * from "./timeline"
