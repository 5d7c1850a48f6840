export * from "./delivery-product"
export * from "./license"
export * from "./delivery"
export * from "./follow-up"
