export * from "./settings"
