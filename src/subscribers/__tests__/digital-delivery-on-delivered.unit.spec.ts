/**
 * The delivered-item follow-ups take turns: however many deliveries land at
 * once, no more than `follow_up_concurrency` order completions (and emails)
 * run at the same time in one process — and every one of them still runs.
 */
const running = { complete: 0, email: 0 }
const peak = { complete: 0, email: 0 }
const done = { complete: [] as string[], email: [] as string[] }

function fakeWorkflow(kind: "complete" | "email") {
  return () => ({
    run: async ({ input }: { input: { order_id: string } }) => {
      running[kind]++
      peak[kind] = Math.max(peak[kind], running[kind])
      await new Promise((resolve) => setTimeout(resolve, 5))
      running[kind]--
      done[kind].push(input.order_id)
      return { result: {} }
    },
  })
}

jest.mock("../../workflows/digital-delivery/workflows/auto-complete-order", () => ({
  autoCompleteOrderWorkflow: fakeWorkflow("complete"),
}))
jest.mock("../../workflows/digital-delivery/workflows/send-delivery-instructions", () => ({
  sendDeliveryInstructionsWorkflow: fakeWorkflow("email"),
}))

import digitalDeliveryOnDelivered from "../digital-delivery-on-delivered"

function containerWith(followUpConcurrency: number) {
  const service = {
    getOptions: () => ({ digital_delivery: { follow_up_concurrency: followUpConcurrency } }),
    listDeliveries: async ({ id }: { id: string }) => [{ id, order_id: `order_${id}`, method: id.endsWith("p") ? "rcon" : "download" }],
  }
  return { resolve: () => service } as never
}

beforeEach(() => {
  Object.assign(running, { complete: 0, email: 0 })
  Object.assign(peak, { complete: 0, email: 0 })
  done.complete = []
  done.email = []
})

it.each([1, 2, 5])("runs at most %i completions and emails at once, and all of them", async (size) => {
  const container = containerWith(size)
  const ids = Array.from({ length: 30 }, (_, i) => `dlv_${i}${i % 3 === 0 ? "p" : ""}`)
  await Promise.all(
    ids.map((id) => digitalDeliveryOnDelivered({ event: { name: "order_ops.delivery.delivered", data: { id, order_id: `order_${id}`, status: "delivered" } }, container } as never))
  )
  expect(peak.complete).toBe(size)
  expect(peak.email).toBe(size)
  expect(done.complete.sort()).toEqual(ids.map((id) => `order_${id}`).sort())
  // Emails only for downloads and codes: the RCON deliveries ("…p") get none.
  expect(done.email.sort()).toEqual(ids.filter((id) => !id.endsWith("p")).map((id) => `order_${id}`).sort())
})
