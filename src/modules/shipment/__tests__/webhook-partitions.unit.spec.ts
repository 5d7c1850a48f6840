import { webhookPartitionSlot } from "../webhook-partitions"

describe("webhookPartitionSlot", () => {
  it.each([
    [0, 4, 0],
    [7, 4, 3],
    [-7, 4, 1],
    [-8, 4, 0],
    [2147483647, 4, 3],
    [-2147483648, 4, 0],
    [-1, 3, 2],
  ])("key %d among %d partitions is partition %d", (key, of, slot) => {
    expect(webhookPartitionSlot(key, of)).toBe(slot)
  })

  it("always lands in 0 … of − 1", () => {
    for (let key = -50; key <= 50; key++) {
      const slot = webhookPartitionSlot(key * 104729, 5)
      expect(slot).toBeGreaterThanOrEqual(0)
      expect(slot).toBeLessThan(5)
    }
  })
})
