import type { RateRequest } from "../types"

/** Requests shared by the carrier unit specs. */

export const domesticRequest = (): RateRequest => ({
  from: {
    name: "Order Ops Warehouse",
    company: "Order Ops Inc.",
    street1: "215 Clayton St",
    city: "San Francisco",
    state: "CA",
    postal_code: "94117",
    country_code: "US",
    phone: "+14155550100",
    email: "ship@example.com",
  },
  to: {
    name: "Ada Lovelace",
    street1: "1 Main St",
    street2: "Apt 4",
    city: "Chicago",
    state: "IL",
    postal_code: "60601",
    country_code: "US",
  },
  parcels: [{ length: 30, width: 20, height: 10, distance_unit: "cm", weight: 2, mass_unit: "kg" }],
  shipment_date: "2041-03-01",
  insurance: { amount: 100, currency_code: "USD" },
  signature: "adult",
  reference: "#1001",
})

export const internationalRequest = (): RateRequest => ({
  ...domesticRequest(),
  to: {
    name: "Grace Hopper",
    street1: "Unter den Linden 1",
    city: "Berlin",
    postal_code: "10117",
    country_code: "DE",
  },
  insurance: null,
  signature: null,
  customs: {
    contents_type: "merchandise",
    non_delivery: "return",
    items: [
      {
        description: "T-shirt",
        quantity: 2,
        value: 40,
        currency_code: "USD",
        weight: 500,
        mass_unit: "g",
        hs_code: "610910",
        origin_country: "US",
      },
    ],
  },
})
