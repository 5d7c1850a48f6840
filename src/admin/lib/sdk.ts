import Medusa from "@medusajs/js-sdk"

/** One SDK for every widget and page: same-origin session auth, as the dashboard uses. */
export const sdk = new Medusa({
  baseUrl: import.meta.env.VITE_BACKEND_URL || "/",
  debug: import.meta.env.DEV,
  auth: { type: "session" },
})
