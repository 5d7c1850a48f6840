import {
  canTransition,
  hasParcelLeft,
  isLateEvent,
  ShipmentStatus,
  type ShipmentStatusValue,
  type ShippingPointValue,
} from "./state-machine"

/**
 * Pure rules for applying a shipment's pending tracking events in one go
 * (the carrier webhook drain): the same rules as one event at a time
 * (`ShipmentModuleService.recordShipmentEvent`), folded over the events in
 * the order they happened. No I/O.
 */

/** The shipment as the rules read it (its row, locked by the caller). */
export type PlannedShipment = {
  id: string
  status: ShipmentStatusValue | string
  shipping_point: ShippingPointValue | string
  fulfillment_id?: string | null
  shipped_at: Date | string | null
  delivered_at: Date | string | null
  canceled_at: Date | string | null
  last_event_at: Date | string | null
}

/** A carrier event to apply. */
export type IncomingShipmentEvent = {
  status: ShipmentStatusValue
  occurred_at: Date
  provider_event_id: string | null
}

/** Why an event was recorded without moving the shipment. */
export type NotAppliedReason = "late" | "same_status" | "illegal_transition"

/** What the plan does with one event. */
export type PlannedEvent<E extends IncomingShipmentEvent> = {
  event: E
  /** True when the event moves the shipment. */
  applied: boolean
  reason?: NotAppliedReason
  /** The status before this event (for an applied one, the move's `from`). */
  from: ShipmentStatusValue
}

/** What {@link planShipmentEvents} decided. */
export type ShipmentEventsPlan<E extends IncomingShipmentEvent> = {
  /** Events to record, in order; duplicates (known carrier event ids) are left out. */
  record: PlannedEvent<E>[]
  /** How many events were duplicates. */
  duplicates: number
  /** The shipment's fields after the events, or null when none moved it. */
  update: {
    status: ShipmentStatusValue
    last_event_at: Date
    shipped_at: Date | null
    delivered_at: Date | null
    canceled_at: Date | null
  } | null
}

const toDate = (value: Date | string | null | undefined): Date | null => (value ? new Date(value) : null)

/**
 * Folds a shipment's pending events, oldest first, into what to record and
 * where the shipment ends: a known carrier event id (or one seen earlier in
 * the same list) is a duplicate and not recorded again; an event with the
 * shipment's current status, one older than the newest applied move (at the
 * carrier's precision, see `isLateEvent`) or an illegal move is recorded
 * without moving it; every other event moves it on, and the next event is
 * judged against the moved shipment. The events are sorted here (stable), so
 * the caller may pass them in arrival order.
 */
export function planShipmentEvents<E extends IncomingShipmentEvent>(
  shipment: PlannedShipment,
  /** The newest applied move's time (not counting the shipment's creation). */
  newestApplied: Date | null,
  /** Carrier event ids already recorded for this shipment. */
  known: Iterable<string>,
  events: E[]
): ShipmentEventsPlan<E> {
  const seen = new Set(known)
  const point = shipment.shipping_point as ShippingPointValue
  const sorted = events
    .map((event, index) => ({ event, index, at: new Date(event.occurred_at).getTime() }))
    .sort((a, b) => a.at - b.at || a.index - b.index)
  let status = shipment.status as ShipmentStatusValue
  let newest = newestApplied
  const state = {
    last_event_at: toDate(shipment.last_event_at),
    shipped_at: toDate(shipment.shipped_at),
    delivered_at: toDate(shipment.delivered_at),
    canceled_at: toDate(shipment.canceled_at),
  }
  let moved = false
  let duplicates = 0
  const record: PlannedEvent<E>[] = []
  for (const { event } of sorted) {
    if (event.provider_event_id) {
      if (seen.has(event.provider_event_id)) {
        duplicates++
        continue
      }
      seen.add(event.provider_event_id)
    }
    const at = new Date(event.occurred_at)
    let reason: NotAppliedReason | undefined
    if (event.status === status) {
      reason = "same_status"
    } else if (isLateEvent(at, newest)) {
      reason = "late"
    } else if (!canTransition(status, event.status, point)) {
      reason = "illegal_transition"
    }
    record.push({ event, applied: !reason, reason, from: status })
    if (reason) {
      continue
    }
    moved = true
    status = event.status
    state.last_event_at = at
    if (!newest || at > newest) {
      newest = at
    }
    if (event.status === ShipmentStatus.DELIVERED) {
      state.delivered_at = at
    } else if (event.status === ShipmentStatus.CANCELED) {
      state.canceled_at = at
    } else if (hasParcelLeft(event.status) && !state.shipped_at) {
      state.shipped_at = at
    }
  }
  return {
    record,
    duplicates,
    update: moved ? { ...state, status, last_event_at: state.last_event_at! } : null,
  }
}

/**
 * Whether the planned moves would have to move the shipment's Medusa
 * fulfillment too — mark it shipped (the parcel first leaves), delivered or
 * canceled. Only `recordShipmentEventWorkflow` does that (through Medusa's own
 * workflows), so such a shipment's events are applied one by one there; a
 * shipment without a fulfillment never needs it.
 */
export function movesFulfillment(shipment: PlannedShipment, plan: ShipmentEventsPlan<IncomingShipmentEvent>): boolean {
  if (!shipment.fulfillment_id) {
    return false
  }
  let shipped = Boolean(shipment.shipped_at)
  for (const planned of plan.record) {
    if (!planned.applied) {
      continue
    }
    const to = planned.event.status
    if (to === ShipmentStatus.DELIVERED || to === ShipmentStatus.CANCELED || (hasParcelLeft(to) && !shipped)) {
      return true
    }
    shipped ||= hasParcelLeft(to)
  }
  return false
}
