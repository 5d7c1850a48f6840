export * from "./settings"
export { DocumentSettings } from "./document-settings"
