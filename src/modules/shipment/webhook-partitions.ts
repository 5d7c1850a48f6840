/**
 * The carrier webhook inbox is drained in partitions, several drains side by
 * side, one per partition at a time. A row's partition comes from its
 * (first) tracking number, so one parcel's events always fall in the same
 * partition and are applied in arrival order by one drain.
 */

/** An inbox row's partition key, in SQL: the hash of its (first) tracking number. */
export const WEBHOOK_PARTITION_KEY_SQL = `hashtext(coalesce("updates"->0->>'tracking_number', ''))`

/**
 * The partition (0 … of − 1) of a partition key among `of` partitions; the
 * same arithmetic as the lease's SQL: a remainder that keeps the key's sign,
 * made positive. Pure.
 */
export function webhookPartitionSlot(key: number, of: number): number {
  return ((key % of) + of) % of
}
