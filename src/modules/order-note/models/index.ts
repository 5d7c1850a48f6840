export * from "./order-note"
export * from "./order-note-revision"
