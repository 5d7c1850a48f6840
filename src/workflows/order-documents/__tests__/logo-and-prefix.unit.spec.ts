import { logoDataUrl, logoFormat } from "../pdf/logo"
import { invoicePrefix } from "../steps/issue-invoice-record"

const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64")
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10])

describe("logoFormat / logoDataUrl", () => {
  it("knows PNG and JPEG by their first bytes, and nothing else", () => {
    expect(logoFormat(PNG)).toBe("png")
    expect(logoFormat(JPEG)).toBe("jpeg")
    expect(logoFormat(Buffer.from("GIF89a"))).toBeNull()
    expect(logoFormat(Buffer.from("<svg/>"))).toBeNull()
    expect(logoFormat(Buffer.alloc(0))).toBeNull()
  })

  it("writes a data URL with the real type", () => {
    expect(logoDataUrl(PNG)).toBe(`data:image/png;base64,${PNG.toString("base64")}`)
    expect(logoDataUrl(JPEG).startsWith("data:image/jpeg;base64,")).toBe(true)
  })
})

describe("invoicePrefix", () => {
  it("puts TEST- in front for the test series only", () => {
    expect(invoicePrefix("live", "INV-")).toBe("INV-")
    expect(invoicePrefix("test", "INV-")).toBe("TEST-INV-")
    expect(invoicePrefix("test", "F/2026/")).toBe("TEST-F/2026/")
  })
})
