import dns from "node:dns"
import { MedusaError } from "@medusajs/framework/utils"
import { assertPublicTarget, forbiddenAddressReason, targetHost } from "../ssrf"

/**
 * The SSRF guard, with IP literals and `localhost` only (no public DNS
 * here); multi-address answers are simulated by stubbing `dns.promises.lookup`.
 */

const refuse = { allow_private_targets: false }
const allow = { allow_private_targets: true }

async function refusal(target: string): Promise<MedusaError> {
  try {
    await assertPublicTarget(target, refuse)
  } catch (e) {
    return e as MedusaError
  }
  throw new Error(`expected ${target} to be refused`)
}

describe("assertPublicTarget", () => {
  afterEach(() => jest.restoreAllMocks())

  it.each([
    ["127.0.0.1", "loopback"],
    ["127.8.9.10", "loopback"],
    ["10.1.2.3", "private network"],
    ["172.16.5.4", "private network"],
    ["192.168.0.10", "private network"],
    ["169.254.169.254", "link-local"],
    ["100.64.0.1", "carrier-grade NAT"],
    ["0.0.0.0", "unspecified"],
    ["224.0.0.1", "multicast"],
    ["255.255.255.255", "broadcast"],
    ["::1", "loopback"],
    ["::", "unspecified"],
    ["fd00::1", "unique-local"],
    ["fc00::1", "unique-local"],
    ["fe80::1", "link-local"],
    ["ff02::1", "multicast"],
    ["::ffff:127.0.0.1", "loopback"],
    ["::ffff:10.0.0.1", "private network"],
    ["::ffff:169.254.169.254", "link-local"],
    ["64:ff9b::a00:1", "private network"],
    ["::7f00:1", "loopback"],
  ])("refuses %s (%s) with NOT_ALLOWED naming host and reason", async (ip, reason) => {
    const error = await refusal(ip)
    expect(MedusaError.isMedusaError(error)).toBe(true)
    expect(error.type).toBe(MedusaError.Types.NOT_ALLOWED)
    expect(error.message).toContain(`"${ip}"`)
    expect(error.message).toContain(reason)
  })

  it.each([
    ["http://127.0.0.1:9000/hooks", "127.0.0.1"],
    ["https://[::1]:8443/x", "::1"],
    ["http://[::ffff:127.0.0.1]/", "::ffff:7f00:1"],
    ["[fd00::1]", "fd00::1"],
  ])("extracts the host of %s and refuses it", async (target, host) => {
    expect(targetHost(target)).toBe(host)
    const error = await refusal(target)
    expect(error.type).toBe(MedusaError.Types.NOT_ALLOWED)
  })

  it("refuses localhost, naming what it resolves to", async () => {
    const error = await refusal("localhost")
    expect(error.type).toBe(MedusaError.Types.NOT_ALLOWED)
    expect(error.message).toMatch(/"localhost" \(resolves to (127\.0\.0\.1|::1)\) is a loopback address/)
  })

  it("allows private targets when allow_private_targets, returning the resolved address", async () => {
    await expect(assertPublicTarget("127.0.0.1", allow)).resolves.toMatchObject({ address: "127.0.0.1" })
    await expect(assertPublicTarget("http://[::1]:1/", allow)).resolves.toMatchObject({ address: "::1" })
    await expect(assertPublicTarget("10.0.0.7", allow)).resolves.toMatchObject({ address: "10.0.0.7" })
    const local = await assertPublicTarget("localhost", allow)
    expect(["127.0.0.1", "::1"]).toContain(local.address)
  })

  it.each(["93.184.215.14", "8.8.8.8", "2606:4700:4700::1111", "::ffff:8.8.8.8", "https://1.1.1.1/hook"])(
    "allows public %s",
    async (target) => {
      const { address } = await assertPublicTarget(target, refuse)
      expect(address).toBeTruthy()
    }
  )

  it("refuses a host when ANY resolved address is private (and returns the first when all are public)", async () => {
    const lookup = jest.spyOn(dns.promises, "lookup") as jest.SpyInstance
    lookup.mockResolvedValueOnce([
      { address: "93.184.215.14", family: 4 },
      { address: "10.0.0.5", family: 4 },
    ])
    const error = await refusal("https://hooks.example.com/x")
    expect(error.type).toBe(MedusaError.Types.NOT_ALLOWED)
    expect(error.message).toContain('"hooks.example.com" (resolves to 10.0.0.5) is a private network address')
    expect(lookup).toHaveBeenCalledWith("hooks.example.com", { all: true })

    lookup.mockResolvedValueOnce([
      { address: "93.184.215.14", family: 4 },
      { address: "2606:2800:21f:cb07:6820:80da:af6b:8b2c", family: 6 },
    ])
    await expect(assertPublicTarget("hooks.example.com", refuse)).resolves.toMatchObject({ address: "93.184.215.14" })
  })

  it("reports an unresolvable host as UNEXPECTED_STATE (retryable), a malformed URL as INVALID_DATA", async () => {
    const lookup = jest.spyOn(dns.promises, "lookup") as jest.SpyInstance
    lookup.mockRejectedValueOnce(Object.assign(new Error("getaddrinfo ENOTFOUND nowhere.invalid"), { code: "ENOTFOUND" }))
    await expect(assertPublicTarget("nowhere.invalid", refuse)).rejects.toMatchObject({
      type: MedusaError.Types.UNEXPECTED_STATE,
      message: expect.stringContaining("ENOTFOUND"),
    })
    await expect(assertPublicTarget("http://exa mple.com:99999/", refuse)).rejects.toMatchObject({
      type: MedusaError.Types.INVALID_DATA,
    })
  })
})

describe("forbiddenAddressReason", () => {
  it("is null only for public unicast", () => {
    expect(forbiddenAddressReason("8.8.8.8")).toBeNull()
    expect(forbiddenAddressReason("2001:4860:4860::8888")).toBeNull()
    expect(forbiddenAddressReason("192.0.2.1")).toContain("reserved")
    expect(forbiddenAddressReason("not-an-ip")).toBe("not an IP address")
  })
})
