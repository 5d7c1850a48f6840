export * from "./shipment"
export * from "./shipment-event"
