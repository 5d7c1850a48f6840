import {
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MedusaError,
  MedusaService,
  generateEntityId,
} from "@medusajs/framework/utils"
import type { Context } from "@medusajs/framework/types"
import { CarrierWebhookEvent, ParcelTemplate, Shipment, ShipmentEvent, ShippingLabel } from "./models"
import { assertCarrierCode, CARRIER_REGISTRY, createCarrierClients } from "./carriers/registry"
import type { CarrierClient, CarrierCode, CarrierTrackingUpdate } from "./carriers/types"
import type { CarrierInfo } from "../../types/label"
import {
  assertTransition,
  canTransition,
  hasParcelLeft,
  isLateEvent,
  ShipmentStatus,
  type ShippingPointValue,
  type ShipmentStatusValue,
} from "./state-machine"
import { movesFulfillment, planShipmentEvents, type PlannedShipment } from "./plan-shipment-events"
import { WEBHOOK_PARTITION_KEY_SQL } from "./webhook-partitions"
import { parsePluginOptions, type PluginOptions } from "../../options"
import type { ShipmentDTO, ShipmentEventDTO, ShippingLabelDTO } from "../../types"

/** A tracking event to record against a shipment. */
export type RecordShipmentEventInput = {
  shipment_id: string
  status: ShipmentStatusValue
  /** When it happened; defaults to now. */
  occurred_at?: Date
  source?: "manual" | "carrier" | "system"
  /** The carrier's event id; a second event with the same id is ignored. */
  provider_event_id?: string | null
  message?: string | null
  location?: string | null
  actor_id?: string | null
  data?: Record<string, unknown> | null
}

/** What {@link ShipmentModuleService.recordShipmentEvent} did. */
export type RecordShipmentEventResult = {
  /** The event (the existing one for a duplicate). */
  event: ShipmentEventDTO
  /** The shipment after the event. */
  shipment: ShipmentDTO
  /** The shipment's fields before, for compensation. */
  previous: Pick<
    ShipmentDTO,
    "id" | "status" | "last_event_at" | "shipped_at" | "delivered_at" | "canceled_at"
  >
  /** True when the event moved the shipment to a new status. */
  applied: boolean
  /** True when the event was already recorded (same provider event id). */
  duplicate: boolean
  /** Why an event was recorded without moving the shipment. */
  reason?: "late" | "same_status" | "illegal_transition"
}

/** A shipment move made by {@link ShipmentModuleService.applyCarrierWebhookBatch}. */
export type CarrierWebhookMove = {
  shipment_id: string
  order_id: string
  from: ShipmentStatusValue
  to: ShipmentStatusValue
  occurred_at: Date
  message: string | null
  location: string | null
  tracking_number: string | null
  pickup: boolean
  /** The shipment's customer notification switch. */
  notify_customer: boolean
}

/** What {@link ShipmentModuleService.applyCarrierWebhookBatch} did. */
export type CarrierWebhookBatchResult = {
  /** Inbox rows applied (at least one of their tracking numbers is ours). */
  processed: string[]
  /** Inbox rows about tracking numbers we don't know. */
  ignored: string[]
  /**
   * Inbox rows left as they were, for `recordShipmentEventWorkflow` one event
   * at a time: one of their shipments would move its Medusa fulfillment.
   */
  deferred: string[]
  /** Applied moves, oldest first per shipment. */
  moves: CarrierWebhookMove[]
  /** Orders whose shipments moved. */
  order_ids: string[]
  /** What {@link ShipmentModuleService.revertCarrierWebhookBatch} needs. */
  undo: {
    event_ids: string[]
    shipments: RecordShipmentEventResult["previous"][]
    rows: string[]
  }
}

/** An inbox row {@link ShipmentModuleService.receiveWebhookEvents} wrote. */
export type ReceivedWebhookEvent = {
  id: string
  /** The row's partition key: its slot among `n` drain partitions is `webhookPartitionSlot(key, n)`. */
  partition_key: number
}

type SqlManager = { execute: (sql: string, params: unknown[]) => Promise<Record<string, unknown>[]> }

const placeholders = (values: unknown[]) => values.map(() => "?").join(", ")

/**
 * Owns shipments and their tracking events, and the invariants between them:
 * moves follow the transitions table, a late event never moves a shipment
 * backwards, and a carrier event id is recorded once per shipment.
 */
class ShipmentModuleService extends MedusaService({
  Shipment,
  ShipmentEvent,
  ShippingLabel,
  ParcelTemplate,
  CarrierWebhookEvent,
}) {
  protected readonly options_: PluginOptions
  protected readonly carriers_: Map<CarrierCode, CarrierClient>

  constructor(container: Record<string, unknown>, options: unknown) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    this.options_ = parsePluginOptions(options)
    this.carriers_ = createCarrierClients(this.options_.carriers)
  }

  /**
   * The client for a carrier.
   *
   * @throws MedusaError INVALID_DATA when the carrier is not configured.
   */
  getCarrier(code: CarrierCode): CarrierClient {
    const client = this.carriers_.get(code)
    if (!client) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `carrier: "${code}" is not configured in this store`
      )
    }
    return client
  }

  /** Replaces a carrier's client (tests point carriers at local fakes). */
  setCarrier(client: CarrierClient): void {
    this.carriers_.set(client.code, client)
  }

  /**
   * The carriers a merchant may buy labels from: every configured live
   * carrier, and the sandbox when enabled — or, for a test order, only the
   * sandbox, which is always there for them.
   */
  listCarrierInfo(forTestOrder = false): CarrierInfo[] {
    const options = this.options_.carriers
    return [...this.carriers_.keys()]
      .map((code) => CARRIER_REGISTRY[code])
      .filter((c) => (forTestOrder ? !c.live : c.enabledForRealOrders(options)))
      .map((c) => ({
        code: c.code,
        name: c.name,
        live: c.live,
        pushes_tracking: c.pushesTracking(options),
        label_formats: [...c.label_formats],
      }))
  }

  /**
   * Writes verified webhook deliveries to the inbox; a delivery already there
   * (same carrier and event id) is skipped by the unique index. One statement.
   *
   * @returns the rows written (replays are not among them), each with its
   *   partition key (see {@link webhookPartitionSlot}), so the drain started
   *   for them knows their partitions without reading them back.
   */
  @InjectManager()
  async receiveWebhookEvents(
    carrier: CarrierCode,
    deliveries: { provider_event_id: string; updates: CarrierTrackingUpdate[] }[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<ReceivedWebhookEvent[]> {
    assertCarrierCode(carrier)
    if (!deliveries.length) {
      return []
    }
    const manager = sharedContext.manager as unknown as {
      execute: (sql: string, params: unknown[]) => Promise<{ id: string; partition_key: number | string }[]>
    }
    const values: string[] = []
    const params: unknown[] = []
    for (const d of deliveries) {
      values.push(`(?, ?, ?, ?::jsonb, 'received', now(), now(), now())`)
      params.push(generateEntityId(undefined, "cwh"), carrier, d.provider_event_id, JSON.stringify(d.updates))
    }
    const rows = await manager.execute(
      `insert into "carrier_webhook_event" ("id", "carrier", "provider_event_id", "updates", "status", "next_attempt_at", "created_at", "updated_at")
       values ${values.join(", ")}
       on conflict ("carrier", "provider_event_id") where deleted_at is null do nothing
       returning "id", ${WEBHOOK_PARTITION_KEY_SQL} as "partition_key"`,
      params
    )
    return rows.map((r) => ({ id: r.id, partition_key: Number(r.partition_key) }))
  }

  /**
   * Leases inbox rows that are due (new, or waiting for a retry), oldest
   * first, skipping rows another process is leasing: their next attempt
   * moves 2 minutes on, so a drain that dies leaves them to the next one.
   * With a partition, only rows whose (first) tracking number hashes into it:
   * one parcel's events always fall in the same partition, so drains of
   * different partitions run side by side and each parcel's events are
   * applied in arrival order by one drain.
   */
  @InjectManager()
  async leaseDueWebhookEvents(
    limit: number,
    /** Only rows of this partition (by tracking number), for drains running side by side. */
    partition: { slot: number; of: number } | null = null,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<string[]> {
    const manager = sharedContext.manager as unknown as {
      execute: (sql: string, params: unknown[]) => Promise<{ id: string }[]>
    }
    const rows = await manager.execute(
      `update "carrier_webhook_event" set "next_attempt_at" = now() + interval '2 minutes', "updated_at" = now()
       where "id" in (
         select "id" from "carrier_webhook_event"
         where "deleted_at" is null and "status" = 'received' and "next_attempt_at" <= now()
           and (?::int is null or ((${WEBHOOK_PARTITION_KEY_SQL}::bigint % ?::int) + ?::int) % ?::int = ?::int)
         order by "created_at" asc
         limit ?
         for update skip locked
       )
       returning "id"`,
      [partition?.of ?? null, partition?.of ?? 1, partition?.of ?? 1, partition?.of ?? 1, partition?.slot ?? 0, limit]
    )
    return rows.map((r) => r.id)
  }

  /**
   * Applies a leased batch of carrier webhook inbox rows in one transaction:
   * the rows and the carrier shipments they name are row-locked (shipments
   * in id order, so two batches never deadlock), each shipment's pending
   * events are folded oldest first by `planShipmentEvents` (duplicates
   * skipped, late and illegal events recorded without moving it), every
   * event is written with one insert, each moved shipment is updated once,
   * and the rows are marked processed (or ignored: no shipment has their
   * tracking number) in the same transaction — so a batch is applied
   * entirely or not at all. Rows with a shipment whose moves would move its
   * Medusa fulfillment (first departure, delivery, cancel) are deferred
   * untouched: those moves go through Medusa's own workflows, one event at a
   * time (duplicates already applied here are recognised there).
   */
  @InjectManager()
  async applyCarrierWebhookBatch(
    ids: string[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<CarrierWebhookBatchResult> {
    return await this.applyCarrierWebhookBatch_(ids, sharedContext)
  }

  @InjectTransactionManager()
  protected async applyCarrierWebhookBatch_(
    ids: string[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<CarrierWebhookBatchResult> {
    const result: CarrierWebhookBatchResult = {
      processed: [],
      ignored: [],
      deferred: [],
      moves: [],
      order_ids: [],
      undo: { event_ids: [], shipments: [], rows: [] },
    }
    if (!ids.length) {
      return result
    }
    const manager = sharedContext.transactionManager as unknown as SqlManager
    const rows = (await manager.execute(
      `select "id", "updates" from "carrier_webhook_event"
       where "id" in (${placeholders(ids)}) and "status" = 'received' and "deleted_at" is null
       order by "created_at" asc, "id" asc for update`,
      ids
    )) as { id: string; updates: CarrierTrackingUpdate[] | string | null }[]
    type Pending = {
      status: ShipmentStatusValue
      occurred_at: Date
      provider_event_id: string | null
      message: string | null
      location: string | null
      carrier_status: string
      row_id: string
    }
    const byTracking = new Map<string, Pending[]>()
    const rowTracking = new Map<string, string[]>()
    for (const row of rows) {
      const updates = (typeof row.updates === "string" ? JSON.parse(row.updates) : row.updates ?? []) as CarrierTrackingUpdate[]
      rowTracking.set(row.id, updates.map((u) => u.tracking_number))
      for (const update of updates) {
        const list = byTracking.get(update.tracking_number) ?? []
        byTracking.set(update.tracking_number, list)
        for (const e of update.events ?? []) {
          if (!e.status || e.status === ShipmentStatus.AWAITING_SHIPMENT) {
            continue
          }
          list.push({
            status: e.status,
            occurred_at: new Date(e.occurred_at),
            provider_event_id: e.provider_event_id ?? null,
            message: e.message ?? null,
            location: e.location ?? null,
            carrier_status: e.carrier_status,
            row_id: row.id,
          })
        }
      }
    }
    const trackingNumbers = [...byTracking.keys()]
    const locked = trackingNumbers.length
      ? ((await manager.execute(
          `select "id" from "shipment"
           where "tracking_number" in (${placeholders(trackingNumbers)}) and "source" = 'carrier' and "deleted_at" is null
           order by "id" for update`,
          trackingNumbers
        )) as { id: string }[])
      : []
    const shipmentIds = locked.map((r) => r.id)
    const shipments = shipmentIds.length
      ? ((await this.listShipments({ id: shipmentIds }, {}, sharedContext)) as unknown as ShipmentDTO[])
      : []
    const known = new Map<string, Set<string>>()
    const newest = new Map<string, Date>()
    const eventIds = [...new Set([...byTracking.values()].flat().map((e) => e.provider_event_id).filter((id): id is string => !!id))]
    if (shipmentIds.length && eventIds.length) {
      const existing = (await manager.execute(
        `select "shipment_id", "provider_event_id" from "shipment_event"
         where "shipment_id" in (${placeholders(shipmentIds)}) and "provider_event_id" in (${placeholders(eventIds)}) and "deleted_at" is null`,
        [...shipmentIds, ...eventIds]
      )) as { shipment_id: string; provider_event_id: string }[]
      for (const e of existing) {
        known.set(e.shipment_id, (known.get(e.shipment_id) ?? new Set()).add(e.provider_event_id))
      }
    }
    if (shipmentIds.length) {
      const newestRows = (await manager.execute(
        `select "shipment_id", max("occurred_at") as "newest" from "shipment_event"
         where "shipment_id" in (${placeholders(shipmentIds)}) and "applied" = true and "deleted_at" is null and "status" <> 'awaiting_shipment'
         group by "shipment_id"`,
        shipmentIds
      )) as { shipment_id: string; newest: Date | string | null }[]
      for (const r of newestRows) {
        if (r.newest) {
          newest.set(r.shipment_id, new Date(r.newest))
        }
      }
    }

    const plans = shipments.map((shipment) => ({
      shipment,
      plan: planShipmentEvents(
        shipment as unknown as PlannedShipment,
        newest.get(shipment.id) ?? null,
        known.get(shipment.id) ?? [],
        byTracking.get(shipment.tracking_number ?? "") ?? []
      ),
    }))
    // A row naming a deferred shipment is deferred whole; its events for
    // other shipments are applied here and are duplicates when it comes back.
    const deferredShipments = new Set<string>()
    const deferredRows = new Set<string>()
    for (const { shipment, plan } of plans) {
      if (movesFulfillment(shipment as unknown as PlannedShipment, plan)) {
        deferredShipments.add(shipment.id)
        for (const e of byTracking.get(shipment.tracking_number ?? "") ?? []) {
          deferredRows.add(e.row_id)
        }
      }
    }

    const events: {
      shipment_id: string
      status: ShipmentStatusValue
      occurred_at: Date
      provider_event_id: string | null
      message: string | null
      location: string | null
      carrier_status: string
      applied: boolean
    }[] = []
    const updates: ({ id: string } & NonNullable<ReturnType<typeof planShipmentEvents>["update"]>)[] = []
    const orderIds = new Set<string>()
    for (const { shipment, plan } of plans) {
      if (deferredShipments.has(shipment.id)) {
        continue
      }
      for (const planned of plan.record) {
        const e = planned.event
        events.push({
          shipment_id: shipment.id,
          status: e.status,
          occurred_at: e.occurred_at,
          provider_event_id: e.provider_event_id,
          message: e.message,
          location: e.location,
          carrier_status: e.carrier_status,
          applied: planned.applied,
        })
        if (planned.applied) {
          result.moves.push({
            shipment_id: shipment.id,
            order_id: shipment.order_id,
            from: planned.from,
            to: e.status,
            occurred_at: e.occurred_at,
            message: e.message,
            location: e.location,
            tracking_number: shipment.tracking_number ?? null,
            pickup: shipment.shipping_point === "pickup",
            notify_customer: shipment.notify_customer,
          })
        }
      }
      if (plan.update) {
        updates.push({ id: shipment.id, ...plan.update })
        orderIds.add(shipment.order_id)
        result.undo.shipments.push({
          id: shipment.id,
          status: shipment.status,
          last_event_at: shipment.last_event_at,
          shipped_at: shipment.shipped_at,
          delivered_at: shipment.delivered_at,
          canceled_at: shipment.canceled_at,
        })
      }
    }
    // Two statements for the whole batch (an ORM create and update of 100
    // rows each took most of a batch's time): one multi-row insert of the
    // events, one update of the moved shipments from a VALUES list.
    if (events.length) {
      const iso = (d: Date) => d.toISOString()
      const params: unknown[] = []
      for (const e of events) {
        const id = generateEntityId(undefined, "shpev")
        result.undo.event_ids.push(id)
        params.push(id, e.shipment_id, e.status, iso(e.occurred_at), e.provider_event_id, e.message, e.location, e.applied, JSON.stringify({ carrier_status: e.carrier_status }))
      }
      await manager.execute(
        `insert into "shipment_event" ("id", "shipment_id", "status", "occurred_at", "source", "provider_event_id", "message", "location", "applied", "actor_id", "data", "created_at", "updated_at")
         values ${events.map(() => "(?, ?, ?, ?::timestamptz, 'carrier', ?, ?, ?, ?::boolean, null, ?::jsonb, now(), now())").join(", ")}`,
        params
      )
    }
    if (updates.length) {
      const iso = (d: Date | null) => (d ? d.toISOString() : null)
      await manager.execute(
        `update "shipment" as s
         set "status" = v."status", "last_event_at" = v."last_event_at", "shipped_at" = v."shipped_at",
             "delivered_at" = v."delivered_at", "canceled_at" = v."canceled_at", "updated_at" = now()
         from (values ${updates.map(() => "(?, ?, ?::timestamptz, ?::timestamptz, ?::timestamptz, ?::timestamptz)").join(", ")})
           as v("id", "status", "last_event_at", "shipped_at", "delivered_at", "canceled_at")
         where s."id" = v."id"`,
        updates.flatMap((u) => [u.id, u.status, iso(u.last_event_at), iso(u.shipped_at), iso(u.delivered_at), iso(u.canceled_at)])
      )
    }

    const ours = new Set(shipments.map((s) => s.tracking_number))
    for (const row of rows) {
      if (deferredRows.has(row.id)) {
        result.deferred.push(row.id)
      } else if ((rowTracking.get(row.id) ?? []).some((t) => ours.has(t))) {
        result.processed.push(row.id)
      } else {
        result.ignored.push(row.id)
      }
    }
    for (const [status, list] of [["processed", result.processed], ["ignored", result.ignored]] as const) {
      if (list.length) {
        await manager.execute(
          `update "carrier_webhook_event"
           set "status" = ?, "processed_at" = now(), "attempts" = "attempts" + 1, "next_attempt_at" = null, "error" = null, "updated_at" = now()
           where "id" in (${placeholders(list)})`,
          [status, ...list]
        )
      }
    }
    result.undo.rows = [...result.processed, ...result.ignored]
    result.order_ids = [...orderIds]
    return result
  }

  /**
   * Undoes {@link applyCarrierWebhookBatch}: deletes the events it wrote,
   * puts the shipments' status fields back and returns its inbox rows to
   * the inbox.
   */
  @InjectManager()
  async revertCarrierWebhookBatch(
    undo: CarrierWebhookBatchResult["undo"],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    await this.revertCarrierWebhookBatch_(undo, sharedContext)
  }

  @InjectTransactionManager()
  protected async revertCarrierWebhookBatch_(
    undo: CarrierWebhookBatchResult["undo"],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    const toDate = (value: Date | string | null) => (value === null ? null : new Date(value))
    if (undo.event_ids.length) {
      await this.deleteShipmentEvents(undo.event_ids, sharedContext)
    }
    if (undo.shipments.length) {
      await this.updateShipments(
        undo.shipments.map((p) => ({
          id: p.id,
          status: p.status,
          last_event_at: toDate(p.last_event_at),
          shipped_at: toDate(p.shipped_at),
          delivered_at: toDate(p.delivered_at),
          canceled_at: toDate(p.canceled_at),
        })),
        sharedContext
      )
    }
    if (undo.rows.length) {
      const manager = sharedContext.transactionManager as unknown as SqlManager
      await manager.execute(
        `update "carrier_webhook_event"
         set "status" = 'received', "processed_at" = null, "attempts" = greatest("attempts" - 1, 0), "updated_at" = now()
         where "id" in (${placeholders(undo.rows)})`,
        undo.rows
      )
    }
  }

  /**
   * The drain partitions (see {@link leaseDueWebhookEvents}) of some inbox
   * rows still to apply, so the drain started for rows just written only
   * looks at theirs.
   */
  @InjectManager()
  async webhookEventPartitions(
    ids: string[],
    of: number,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<number[]> {
    if (!ids.length) {
      return []
    }
    const manager = sharedContext.manager as unknown as SqlManager
    const rows = (await manager.execute(
      `select distinct ((${WEBHOOK_PARTITION_KEY_SQL}::bigint % ?::int) + ?::int) % ?::int as "slot"
       from "carrier_webhook_event" where "id" in (${placeholders(ids)}) and "status" = 'received' and "deleted_at" is null`,
      [of, of, of, ...ids]
    )) as { slot: number | string }[]
    return rows.map((r) => Number(r.slot)).sort((a, b) => a - b)
  }

  /**
   * Updates a ledger row only while the caller still holds it: the row is
   * locked, and written only when its status is one of `expected.status` and
   * (when given) its `attempts` — the purchase's fencing token — is
   * `expected.attempts`. A purchase that outlived its window and was taken
   * over by the reconciler can therefore never overwrite what it recorded.
   *
   * @returns the updated row, or null when the caller no longer holds it.
   */
  @InjectManager()
  async updateShippingLabelIfHeld(
    id: string,
    expected: { status: string[]; attempts?: number },
    data: Record<string, unknown>,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<ShippingLabelDTO | null> {
    return await this.updateShippingLabelIfHeld_(id, expected, data, sharedContext)
  }

  @InjectTransactionManager()
  protected async updateShippingLabelIfHeld_(
    id: string,
    expected: { status: string[]; attempts?: number },
    data: Record<string, unknown>,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<ShippingLabelDTO | null> {
    const manager = sharedContext.transactionManager as unknown as {
      execute: (sql: string, params: unknown[]) => Promise<{ status: string; attempts: number }[]>
    }
    const [row] = await manager.execute(
      `select "status", "attempts" from "shipping_label" where "id" = ? and "deleted_at" is null for update`,
      [id]
    )
    if (!row || !expected.status.includes(row.status) || (expected.attempts !== undefined && row.attempts !== expected.attempts)) {
      return null
    }
    return (await this.updateShippingLabels({ id, ...data }, sharedContext)) as unknown as ShippingLabelDTO
  }

  /** The validated plugin options, defaults filled in. */
  getOptions(): PluginOptions {
    return this.options_
  }

  /**
   * Records a tracking event and, when it is new, on time and legal, moves
   * the shipment to its status.
   *
   * @param strict when true (a person's manual update) an illegal move throws;
   *   when false (a carrier feed) it is recorded and not applied.
   * @throws MedusaError NOT_FOUND for an unknown shipment.
   * @throws MedusaError INVALID_DATA "cannot go from X to Y" for an illegal strict move.
   */
  @InjectManager()
  async recordShipmentEvent(
    input: RecordShipmentEventInput,
    strict: boolean,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<RecordShipmentEventResult> {
    return await this.recordShipmentEvent_(input, strict, sharedContext)
  }

  @InjectTransactionManager()
  protected async recordShipmentEvent_(
    input: RecordShipmentEventInput,
    strict: boolean,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<RecordShipmentEventResult> {
    const manager = sharedContext.transactionManager as unknown as {
      execute: (sql: string, params: unknown[]) => Promise<{ newest: Date | string | null }[]>
    }
    // One event at a time per shipment: a manual move and a carrier scan
    // arriving together must not both pass the lateness and transition checks.
    await manager.execute(`select "id" from "shipment" where "id" = ? and "deleted_at" is null for update`, [input.shipment_id])
    const shipment = (await this.retrieveShipment(input.shipment_id, {}, sharedContext)) as unknown as ShipmentDTO
    const previous = {
      id: shipment.id,
      status: shipment.status,
      last_event_at: shipment.last_event_at,
      shipped_at: shipment.shipped_at,
      delivered_at: shipment.delivered_at,
      canceled_at: shipment.canceled_at,
    }

    if (input.provider_event_id) {
      const [existing] = (await this.listShipmentEvents(
        { shipment_id: shipment.id, provider_event_id: input.provider_event_id },
        { take: 1 },
        sharedContext
      )) as unknown as ShipmentEventDTO[]
      if (existing) {
        return { event: existing, shipment, previous, applied: false, duplicate: true }
      }
    }

    // Workflow inputs arrive serialised: a Date may come back as an ISO string.
    const occurredAt = input.occurred_at ? new Date(input.occurred_at) : new Date()
    const point = shipment.shipping_point as ShippingPointValue
    let reason: RecordShipmentEventResult["reason"]
    if (strict && input.status !== shipment.status) {
      assertTransition(shipment.status, input.status, point)
    }
    if (input.status === shipment.status) {
      reason = "same_status"
    } else if (input.occurred_at && isLateEvent(occurredAt, await this.newestAppliedEventAt_(shipment.id, manager))) {
      // Only a dated event can be late; an undated one (a person's action) happens now.
      reason = "late"
    } else if (!canTransition(shipment.status, input.status, point)) {
      reason = "illegal_transition"
    }
    const applied = !reason

    const event = (await this.createShipmentEvents(
      {
        shipment_id: shipment.id,
        status: input.status,
        occurred_at: occurredAt,
        source: input.source ?? "manual",
        provider_event_id: input.provider_event_id ?? null,
        message: input.message ?? null,
        location: input.location ?? null,
        actor_id: input.actor_id ?? null,
        data: input.data ?? null,
        applied,
      },
      sharedContext
    )) as unknown as ShipmentEventDTO

    if (!applied) {
      return { event, shipment, previous, applied, duplicate: false, reason }
    }

    const update: Record<string, unknown> = {
      id: shipment.id,
      status: input.status,
      last_event_at: occurredAt,
    }
    if (input.status === ShipmentStatus.DELIVERED) {
      update.delivered_at = occurredAt
    } else if (input.status === ShipmentStatus.CANCELED) {
      update.canceled_at = occurredAt
    } else if (hasParcelLeft(input.status) && !shipment.shipped_at) {
      update.shipped_at = occurredAt
    }
    const updated = (await this.updateShipments(update, sharedContext)) as unknown as ShipmentDTO
    return { event, shipment: updated, previous, applied, duplicate: false }
  }

  /**
   * When the newest applied move of a shipment happened — its creation in
   * Awaiting shipment is not a move, so a carrier's first scan (stamped in the
   * second of the purchase, or a minute before it) is never late for it.
   */
  protected async newestAppliedEventAt_(
    shipmentId: string,
    manager: { execute: (sql: string, params: unknown[]) => Promise<{ newest: Date | string | null }[]> }
  ): Promise<Date | null> {
    const [row] = await manager.execute(
      `select max("occurred_at") as "newest" from "shipment_event"
       where "shipment_id" = ? and "applied" = true and "deleted_at" is null and "status" <> 'awaiting_shipment'`,
      [shipmentId]
    )
    return row?.newest ? new Date(row.newest) : null
  }

  /**
   * Undoes {@link recordShipmentEvent}: deletes the event and puts the
   * shipment's status fields back.
   */
  @InjectManager()
  async revertShipmentEvent(
    result: Pick<RecordShipmentEventResult, "event" | "previous" | "duplicate">,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    await this.revertShipmentEvent_(result, sharedContext)
  }

  @InjectTransactionManager()
  protected async revertShipmentEvent_(
    result: Pick<RecordShipmentEventResult, "event" | "previous" | "duplicate">,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    if (result.duplicate) {
      return
    }
    await this.deleteShipmentEvents([result.event.id], sharedContext)
    const toDate = (value: Date | string | null) => (value === null ? null : new Date(value))
    const { id, status, last_event_at, shipped_at, delivered_at, canceled_at } = result.previous
    await this.updateShipments(
      {
        id,
        status,
        last_event_at: toDate(last_event_at),
        shipped_at: toDate(shipped_at),
        delivered_at: toDate(delivered_at),
        canceled_at: toDate(canceled_at),
      },
      sharedContext
    )
  }

  /**
   * Refuses changes to a carrier-bought shipment's tracking details, which
   * come from the carrier.
   *
   * @throws MedusaError NOT_ALLOWED
   */
  throwIfNotManual(shipment: Pick<ShipmentDTO, "id" | "source">): void {
    if (shipment.source !== "manual") {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Shipment ${shipment.id} was bought from a carrier; its tracking details come from the carrier and cannot be edited`
      )
    }
  }
}

export default ShipmentModuleService
