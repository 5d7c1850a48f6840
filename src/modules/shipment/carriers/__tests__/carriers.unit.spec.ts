import { parsePluginOptions } from "../../../../options"
import {
  CARRIER_NAMES,
  createCarrierClients,
  EasyPostCarrierClient,
  isTrackingPolled,
  SandboxCarrierClient,
  ShippoCarrierClient,
} from ".."

describe("createCarrierClients", () => {
  it("always has the sandbox, and nothing else unconfigured", () => {
    const clients = createCarrierClients(parsePluginOptions({}).carriers)
    expect([...clients.keys()]).toEqual(["sandbox"])
    expect(clients.get("sandbox")).toBeInstanceOf(SandboxCarrierClient)
  })

  it("adds Shippo and EasyPost when configured, with their webhook switches", () => {
    const options = parsePluginOptions({
      carriers: {
        shippo: { api_key: "shippo_test_x", webhooks: false },
        easypost: { api_key: "EZTKx" },
      },
    })
    const clients = createCarrierClients(options.carriers)
    expect([...clients.keys()]).toEqual(["sandbox", "shippo", "easypost"])
    expect(clients.get("shippo")).toBeInstanceOf(ShippoCarrierClient)
    expect(clients.get("easypost")).toBeInstanceOf(EasyPostCarrierClient)
    expect(isTrackingPolled("shippo", options.carriers)).toBe(true)
    expect(isTrackingPolled("easypost", options.carriers)).toBe(false)
    expect(isTrackingPolled("sandbox", options.carriers)).toBe(true)
    for (const [code, client] of clients) {
      expect(client.code).toBe(code)
      expect(CARRIER_NAMES[code]).toEqual(expect.any(String))
    }
  })
})
