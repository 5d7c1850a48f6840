import { MIN_DOWNLOAD_SECRET_LENGTH, resolveDownloadSecret } from "../service"

/** The download link secret: no weak fallbacks. */
describe("resolveDownloadSecret", () => {
  const long = "x".repeat(MIN_DOWNLOAD_SECRET_LENGTH)

  it("refuses to start in production without a secret, or with one under 32 characters", () => {
    expect(() => resolveDownloadSecret(undefined, { NODE_ENV: "production" })).toThrow(/required in production, at least 32 characters/)
    expect(() => resolveDownloadSecret("x".repeat(31), { NODE_ENV: "production" })).toThrow(/at least 32/)
    expect(() => resolveDownloadSecret(undefined, { NODE_ENV: "production", ORDER_OPS_DOWNLOAD_SECRET: "short-secret-1234" })).toThrow(/at least 32/)
  })

  it("takes the option, else ORDER_OPS_DOWNLOAD_SECRET — never COOKIE_SECRET", () => {
    expect(resolveDownloadSecret(long, { NODE_ENV: "production" })).toBe(long)
    expect(resolveDownloadSecret(undefined, { NODE_ENV: "production", ORDER_OPS_DOWNLOAD_SECRET: long })).toBe(long)
    expect(() => resolveDownloadSecret(undefined, { NODE_ENV: "production", COOKIE_SECRET: long })).toThrow(/required in production/)
  })

  it("has no built-in secret outside tests: development without one gets a random secret per process", () => {
    const a = resolveDownloadSecret(undefined, { NODE_ENV: "development", COOKIE_SECRET: "supersecret" })
    const b = resolveDownloadSecret(undefined, { NODE_ENV: "development" })
    expect(a).not.toBe(b)
    expect(a).not.toBe("supersecret")
    expect(a.length).toBeGreaterThanOrEqual(32)
    expect(resolveDownloadSecret(undefined, { NODE_ENV: "test" })).toBe(resolveDownloadSecret(undefined, { NODE_ENV: "test" }))
  })
})
