/** The demo customers, each with a default address. */
import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createCustomersWorkflow } from "@medusajs/medusa/core-flows"
import type { Logger } from "./context"

export type DemoAddress = {
  first_name: string
  last_name: string
  address_1: string
  city: string
  postal_code: string
  country_code: string
  phone: string
}

type CustomerSpec = { email: string; address: DemoAddress }

const CUSTOMERS: CustomerSpec[] = [
  {
    email: "ada@example.com",
    address: {
      first_name: "Ada",
      last_name: "Lovelace",
      address_1: "12 St James's Square",
      city: "London",
      postal_code: "SW1Y 4JH",
      country_code: "gb",
      phone: "+44 20 7946 0012",
    },
  },
  {
    email: "marie@example.com",
    address: {
      first_name: "Marie",
      last_name: "Curie",
      address_1: "11 Rue Pierre et Marie Curie",
      city: "Paris",
      postal_code: "75005",
      country_code: "fr",
      phone: "+33 1 44 27 00 11",
    },
  },
  {
    email: "niels@example.com",
    address: {
      first_name: "Niels",
      last_name: "Bohr",
      address_1: "Blegdamsvej 17",
      city: "Copenhagen",
      postal_code: "2100",
      country_code: "dk",
      phone: "+45 35 32 00 17",
    },
  },
  {
    email: "astrid@example.com",
    address: {
      first_name: "Astrid",
      last_name: "Lindgren",
      address_1: "Dalagatan 46",
      city: "Stockholm",
      postal_code: "113 24",
      country_code: "se",
      phone: "+46 8 555 004 46",
    },
  },
]

/** Finds or creates the demo customers, each with a default address. */
export async function ensureCustomers(container: MedusaContainer, logger: Logger) {
  const customerModule = container.resolve(Modules.CUSTOMER)
  const emails = CUSTOMERS.map((c) => c.email)

  const existing = await customerModule.listCustomers({ email: emails })
  const missing = CUSTOMERS.filter((c) => !existing.some((e) => e.email === c.email))
  if (missing.length) {
    await createCustomersWorkflow(container).run({
      input: {
        customersData: missing.map(({ email, address }) => ({
          email,
          first_name: address.first_name,
          last_name: address.last_name,
          phone: address.phone,
          addresses: [
            {
              ...address,
              address_name: "Home",
              is_default_shipping: true,
              is_default_billing: true,
            },
          ],
        })),
      },
    })
    logger.info(`Created customers: ${missing.map((c) => c.email).join(", ")}.`)
  }

  const all = await customerModule.listCustomers({ email: emails })
  const byEmail = new Map<string, { id: string; address: DemoAddress }>()
  for (const spec of CUSTOMERS) {
    const customer = all.find((c) => c.email === spec.email)
    if (customer) {
      byEmail.set(spec.email, { id: customer.id, address: spec.address })
    }
  }
  return byEmail
}
