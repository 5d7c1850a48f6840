import { extractText, getDocumentProxy } from "unpdf"
import { renderPackingSlips, type PackingSlipData } from "../pdf/packing-slip"

const slip: PackingSlipData = {
  store: { name: "Café Ørsted", address: "Kastrupvej 1, 2300 København" },
  order: { display_id: 1042, created_at: new Date(Date.UTC(2041, 2, 4, 9)), email: "zoë@example.com", note: "Bitte nicht knicken — спасибо" },
  ship_to: { first_name: "Zoë", last_name: "Łukasiewicz", address_1: "Ulica Żółta 5", postal_code: "00-001", city: "Warszawa", country_code: "pl" },
  items: [
    { title: "Crème brûlée mug", variant: "Bleu", sku: "MUG-BLEU", quantity: 2 },
    { title: "Футболка", variant: "XL", sku: "TEE-XL", quantity: 1 },
  ],
}

const textOf = async (pdf: Buffer) => {
  const doc = await getDocumentProxy(new Uint8Array(pdf))
  const { text } = await extractText(doc, { mergePages: true })
  return { text: text as string, pages: doc.numPages }
}

describe("packing slip PDF", () => {
  it("lists the items with SKU, variant and quantity; accents and Cyrillic survive the shipped font", async () => {
    const { text } = await textOf(await renderPackingSlips([slip], new Date(Date.UTC(2041, 2, 4, 10))))
    for (const expected of [
      "Packing slip",
      "Order #1042",
      "Placed 2041-03-04",
      "Café Ørsted",
      "Zoë Łukasiewicz",
      "Ulica Żółta 5",
      "00-001 Warszawa",
      "Crème brûlée mug — Bleu",
      "MUG-BLEU",
      "Футболка — XL",
      "TEE-XL",
      "Bitte nicht knicken — спасибо",
    ]) {
      expect(text).toContain(expected)
    }
    // Quantities sit in their own column, in item order.
    expect(text.indexOf("2")).toBeGreaterThan(-1)
    expect(text).toMatch(/2\s+MUG-BLEU/)
    expect(text).toMatch(/1\s+TEE-XL/)
  })

  it("renders the same bytes for the same slip, and one page per order when merged", async () => {
    const at = new Date(Date.UTC(2041, 2, 4, 10))
    const a = await renderPackingSlips([slip], at)
    const b = await renderPackingSlips([slip], at)
    expect(a.equals(b)).toBe(true)
    const merged = await renderPackingSlips([slip, { ...slip, order: { ...slip.order, display_id: 1043 } }, { ...slip, order: { ...slip.order, display_id: 1044 } }], at)
    const { text, pages } = await textOf(merged)
    expect(pages).toBe(3)
    expect(text).toContain("Order #1043")
    expect(text).toContain("Order #1044")
  })
})
