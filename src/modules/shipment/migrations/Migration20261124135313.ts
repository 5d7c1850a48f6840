import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261124135313 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "shipment_event" drop constraint if exists "shipment_event_provider_event_id_unique";`);
    this.addSql(`create table if not exists "shipment" ("id" text not null, "order_id" text not null, "fulfillment_id" text null, "shipping_point" text check ("shipping_point" in ('local', 'international', 'pickup')) not null, "source" text check ("source" in ('manual', 'carrier')) not null default 'manual', "status" text check ("status" in ('awaiting_shipment', 'shipped', 'in_transit', 'out_for_delivery', 'delivered', 'delivery_failed', 'canceled')) not null default 'awaiting_shipment', "carrier" text null, "tracking_number" text null, "tracking_url" text null, "estimated_delivery_at" timestamptz null, "notify_customer" boolean not null default true, "items" jsonb null, "shipped_at" timestamptz null, "delivered_at" timestamptz null, "canceled_at" timestamptz null, "last_event_at" timestamptz null, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "shipment_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_shipment_deleted_at" ON "shipment" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_shipment_order_id" ON "shipment" ("order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_shipment_fulfillment_id" ON "shipment" ("fulfillment_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_shipment_tracking_number" ON "shipment" ("tracking_number") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "shipment_event" ("id" text not null, "status" text check ("status" in ('awaiting_shipment', 'shipped', 'in_transit', 'out_for_delivery', 'delivered', 'delivery_failed', 'canceled')) not null, "occurred_at" timestamptz not null, "source" text check ("source" in ('manual', 'carrier', 'system')) not null default 'manual', "provider_event_id" text null, "message" text null, "location" text null, "applied" boolean not null default true, "actor_id" text null, "data" jsonb null, "shipment_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "shipment_event_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_shipment_event_shipment_id" ON "shipment_event" ("shipment_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_shipment_event_deleted_at" ON "shipment_event" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_shipment_event_shipment_id" ON "shipment_event" ("shipment_id", "occurred_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_shipment_event_provider_event_id_unique" ON "shipment_event" ("shipment_id", "provider_event_id") WHERE provider_event_id IS NOT NULL AND deleted_at IS NULL;`);

    this.addSql(`alter table if exists "shipment_event" add constraint "shipment_event_shipment_id_foreign" foreign key ("shipment_id") references "shipment" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "shipment_event" drop constraint if exists "shipment_event_shipment_id_foreign";`);

    this.addSql(`drop table if exists "shipment" cascade;`);

    this.addSql(`drop table if exists "shipment_event" cascade;`);
  }

}
