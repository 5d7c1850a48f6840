export * from "./webhook"
