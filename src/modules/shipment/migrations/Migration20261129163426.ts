import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261129163426 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "shipping_label" drop constraint if exists "shipping_label_idempotency_key_unique";`);
    this.addSql(`alter table if exists "parcel_template" drop constraint if exists "parcel_template_name_unique";`);
    this.addSql(`alter table if exists "carrier_webhook_event" drop constraint if exists "carrier_webhook_event_unique";`);
    this.addSql(`create table if not exists "carrier_webhook_event" ("id" text not null, "carrier" text check ("carrier" in ('sandbox', 'shippo', 'easypost')) not null, "provider_event_id" text not null, "updates" jsonb not null, "status" text check ("status" in ('received', 'processed', 'ignored', 'failed')) not null default 'received', "attempts" integer not null default 0, "error" text null, "next_attempt_at" timestamptz null, "processed_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "carrier_webhook_event_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_carrier_webhook_event_deleted_at" ON "carrier_webhook_event" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_carrier_webhook_event_unique" ON "carrier_webhook_event" ("carrier", "provider_event_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_carrier_webhook_event_pending" ON "carrier_webhook_event" ("next_attempt_at") WHERE deleted_at IS NULL AND status = 'received';`);

    this.addSql(`create table if not exists "parcel_template" ("id" text not null, "name" text not null, "length" real not null, "width" real not null, "height" real not null, "distance_unit" text check ("distance_unit" in ('cm', 'in', 'mm', 'm', 'ft', 'yd')) not null default 'cm', "weight" real not null, "mass_unit" text check ("mass_unit" in ('g', 'kg', 'oz', 'lb')) not null default 'kg', "is_default" boolean not null default false, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "parcel_template_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_parcel_template_deleted_at" ON "parcel_template" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_parcel_template_name_unique" ON "parcel_template" ("name") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "shipping_label" ("id" text not null, "order_id" text not null, "shipment_id" text null, "fulfillment_id" text null, "carrier" text check ("carrier" in ('sandbox', 'shippo', 'easypost')) not null, "carrier_name" text null, "service" text null, "service_code" text null, "rate_id" text not null, "provider_shipment_id" text null, "provider_label_id" text null, "provider_refund_id" text null, "tracking_number" text null, "tracking_url" text null, "label_url" text null, "file_id" text null, "file_url" text null, "label_format" text check ("label_format" in ('PDF', 'PNG', 'ZPL')) not null default 'PDF', "amount" numeric null, "currency_code" text null, "status" text check ("status" in ('purchasing', 'purchased', 'unknown', 'failed', 'voided')) not null default 'purchasing', "refund_status" text check ("refund_status" in ('none', 'submitted', 'pending', 'refunded', 'rejected')) not null default 'none', "idempotency_key" text not null, "is_test" boolean not null default false, "error" text null, "request" jsonb null, "attempts" integer not null default 0, "purchased_at" timestamptz null, "voided_at" timestamptz null, "refund_checked_at" timestamptz null, "next_check_at" timestamptz null, "last_polled_at" timestamptz null, "actor_id" text null, "raw_amount" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "shipping_label_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_shipping_label_deleted_at" ON "shipping_label" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_shipping_label_idempotency_key_unique" ON "shipping_label" ("idempotency_key") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_shipping_label_order_id" ON "shipping_label" ("order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_shipping_label_shipment_id" ON "shipping_label" ("shipment_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_shipping_label_tracking_number" ON "shipping_label" ("tracking_number") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_shipping_label_next_check_at" ON "shipping_label" ("next_check_at") WHERE deleted_at IS NULL AND next_check_at IS NOT NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "carrier_webhook_event" cascade;`);

    this.addSql(`drop table if exists "parcel_template" cascade;`);

    this.addSql(`drop table if exists "shipping_label" cascade;`);
  }

}
