import { MedusaError } from "@medusajs/framework/utils"
import {
  chooseTestOrderShippingOptions,
  isDigitalVariant,
  isTestCustomerEmail,
  mayNotifyAboutOrder,
  pickDefaultTestOrderItems,
  testCustomerEmail,
  throwIfInvalidTestOrderItems,
  throwIfNotAllTestOrders,
  type TestOrderVariantSource,
} from "../utils/test-order-rules"

const published = { status: "published", shipping_profile: { id: "sp_default", type: "default" } }
const tee: TestOrderVariantSource = { id: "v_tee", manage_inventory: true, available: 5, product: published }
const ebook: TestOrderVariantSource = {
  id: "v_ebook",
  manage_inventory: false,
  product: { status: "published", metadata: { order_ops_digital: true }, shipping_profile: { id: "sp_digital", type: "digital" } },
}
const draft: TestOrderVariantSource = { id: "v_draft", product: { ...published, status: "draft" } }
const soldOut: TestOrderVariantSource = { id: "v_out", manage_inventory: true, available: 0, product: published }

const messageOf = (fn: () => unknown) => {
  try {
    fn()
  } catch (e) {
    expect(e).toBeInstanceOf(MedusaError)
    return (e as MedusaError).message
  }
  throw new Error("did not throw")
}

describe("test customer emails", () => {
  it("are recognisable", () => {
    expect(testCustomerEmail("AB12")).toBe("test+ab12@order-ops.test")
    expect(isTestCustomerEmail("test+ab12@order-ops.test")).toBe(true)
    expect(isTestCustomerEmail("ada@example.com")).toBe(false)
    expect(isTestCustomerEmail(null)).toBe(false)
  })
})

describe("mayNotifyAboutOrder", () => {
  const on = { test_orders: { suppress_notifications: false } }
  const off = { test_orders: { suppress_notifications: true } }
  it("always allows real orders", () => {
    expect(mayNotifyAboutOrder(null, "ada@example.com", off)).toBe(true)
  })
  it("allows a test order only to its generated test customer", () => {
    expect(mayNotifyAboutOrder({ generated_customer: true }, "test+x1@order-ops.test", on)).toBe(true)
    expect(mayNotifyAboutOrder({ generated_customer: true }, "ada@example.com", on)).toBe(false)
    expect(mayNotifyAboutOrder({ generated_customer: false }, "test+x1@order-ops.test", on)).toBe(false)
  })
  it("never notifies about test orders when suppressed", () => {
    expect(mayNotifyAboutOrder({ generated_customer: true }, "test+x1@order-ops.test", off)).toBe(false)
  })
})

describe("throwIfInvalidTestOrderItems", () => {
  it("accepts valid items", () => {
    expect(() => throwIfInvalidTestOrderItems([{ variant_id: "v_tee", quantity: 5 }], [tee])).not.toThrow()
  })
  it.each([
    [[{ variant_id: "v_nope", quantity: 1 }], "items[0].variant_id"],
    [[{ variant_id: "v_draft", quantity: 1 }], "items[0].variant_id"],
    [[{ variant_id: "v_tee", quantity: 1 }, { variant_id: "v_tee", quantity: 0 }], "items[1].quantity"],
    [[{ variant_id: "v_tee", quantity: 1.5 }], "items[0].quantity"],
    [[{ variant_id: "v_tee", quantity: 3 }, { variant_id: "v_tee", quantity: 3 }], "items[1].quantity"],
    [[{ variant_id: "v_out", quantity: 1 }], "items[0].quantity"],
    [[], "items"],
  ])("%j → names %s", (items, field) => {
    expect(messageOf(() => throwIfInvalidTestOrderItems(items, [tee, draft, soldOut]))).toContain(field)
  })
})

describe("pickDefaultTestOrderItems", () => {
  it("picks one physical and one digital in-stock variant", () => {
    const items = pickDefaultTestOrderItems([soldOut, draft, tee, ebook], () => 0)
    expect(items).toEqual([
      { variant_id: "v_tee", quantity: 1 },
      { variant_id: "v_ebook", quantity: 1 },
    ])
    expect(isDigitalVariant(ebook)).toBe(true)
  })
  it("refuses an empty catalogue", () => {
    expect(messageOf(() => pickDefaultTestOrderItems([soldOut, draft]))).toContain("items")
  })
})

describe("chooseTestOrderShippingOptions", () => {
  const options = [
    { id: "so_express", shipping_profile_id: "sp_default", amount: 15, countries: ["dk"] },
    { id: "so_standard", shipping_profile_id: "sp_default", amount: 5, countries: ["dk", "se"] },
    { id: "so_pickup", shipping_profile_id: "sp_default", amount: 0, countries: ["dk"], is_pickup: true },
    { id: "so_return", shipping_profile_id: "sp_default", amount: 0, countries: ["dk"], is_return: true },
    { id: "so_digital", shipping_profile_id: "sp_digital", amount: 0, countries: ["dk"] },
  ]
  it("picks the cheapest non-pickup option per profile", () => {
    expect(
      chooseTestOrderShippingOptions({ country_code: "DK", profile_ids: ["sp_default", "sp_digital"], options })
    ).toEqual(["so_standard", "so_digital"])
  })
  it("keeps a requested option and fills the other profiles", () => {
    expect(
      chooseTestOrderShippingOptions({
        requested: "so_express",
        country_code: "dk",
        profile_ids: ["sp_default", "sp_digital"],
        options,
      })
    ).toEqual(["so_express", "so_digital"])
  })
  it.each([["so_nope"], ["so_return"], ["so_digital"]])("refuses %s for a physical cart", (requested) => {
    expect(
      messageOf(() =>
        chooseTestOrderShippingOptions({ requested, country_code: "dk", profile_ids: ["sp_default"], options })
      )
    ).toContain("shipping_option_id")
  })
  it("refuses an option that does not serve the country", () => {
    expect(
      messageOf(() =>
        chooseTestOrderShippingOptions({ requested: "so_express", country_code: "se", profile_ids: ["sp_default"], options })
      )
    ).toContain("shipping_option_id")
  })
})

describe("throwIfNotAllTestOrders", () => {
  it("passes test orders", () => {
    expect(() => throwIfNotAllTestOrders(["o1"], ["o1"], ["o1"])).not.toThrow()
  })
  it("refuses a real order with NOT_ALLOWED, an unknown one with NOT_FOUND", () => {
    try {
      throwIfNotAllTestOrders(["o1", "o2"], ["o1", "o2"], ["o1"])
    } catch (e) {
      expect((e as MedusaError).type).toBe(MedusaError.Types.NOT_ALLOWED)
    }
    try {
      throwIfNotAllTestOrders(["o1", "o3"], ["o1"], ["o1"])
    } catch (e) {
      expect((e as MedusaError).type).toBe(MedusaError.Types.NOT_FOUND)
    }
    expect.assertions(2)
  })
})
