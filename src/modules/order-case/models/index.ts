export * from "./order-hold"
export * from "./order-label"
export * from "./dispute"
export * from "./checkout-context"
