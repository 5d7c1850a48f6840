export * from "./delivery-product"
export * from "./license"
export * from "./delivery"
