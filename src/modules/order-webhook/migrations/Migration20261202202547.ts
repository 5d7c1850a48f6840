import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261202202547 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "webhook_order_reference" drop constraint if exists "webhook_order_reference_ref_unique";`);
    this.addSql(`alter table if exists "webhook_order_reference" drop constraint if exists "webhook_order_reference_order_unique";`);
    this.addSql(`alter table if exists "webhook_event" drop constraint if exists "webhook_event_dedupe_key_unique";`);
    this.addSql(`alter table if exists "webhook_delivery" drop constraint if exists "webhook_delivery_endpoint_event_unique";`);
    this.addSql(`create table if not exists "webhook_attempt" ("id" text not null, "delivery_id" text not null, "endpoint_id" text not null, "attempt" integer not null, "status_code" integer null, "duration_ms" integer not null default 0, "response_body" text null, "error" text null, "outcome" text check ("outcome" in ('succeeded', 'retry', 'failed')) not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "webhook_attempt_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_webhook_attempt_deleted_at" ON "webhook_attempt" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_webhook_attempt_delivery" ON "webhook_attempt" ("delivery_id", "created_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "webhook_delivery" ("id" text not null, "endpoint_id" text not null, "event_id" text not null, "event_type" text not null, "status" text check ("status" in ('pending', 'succeeded', 'failed')) not null default 'pending', "attempt_count" integer not null default 0, "scheduled_from" timestamptz not null, "next_attempt_at" timestamptz null, "locked_until" timestamptz null, "lease_token" integer not null default 0, "last_status_code" integer null, "last_error" text null, "delivered_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "webhook_delivery_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_webhook_delivery_deleted_at" ON "webhook_delivery" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_webhook_delivery_endpoint_event_unique" ON "webhook_delivery" ("endpoint_id", "event_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_webhook_delivery_due" ON "webhook_delivery" ("next_attempt_at") WHERE deleted_at IS NULL AND status = 'pending';`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_webhook_delivery_endpoint" ON "webhook_delivery" ("endpoint_id", "created_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "webhook_endpoint" ("id" text not null, "url" text not null, "description" text null, "events" jsonb not null, "enabled" boolean not null default true, "include_test_orders" boolean not null default false, "secret" text not null, "previous_secret" text null, "previous_secret_expires_at" timestamptz null, "disabled_reason" text null, "failing_since" timestamptz null, "max_in_flight" integer not null default 2, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "webhook_endpoint_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_webhook_endpoint_deleted_at" ON "webhook_endpoint" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "webhook_event" ("id" text not null, "type" text not null, "version" integer not null default 1, "dedupe_key" text not null, "order_id" text null, "is_test" boolean not null default false, "payload" jsonb not null, "occurred_at" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "webhook_event_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_webhook_event_deleted_at" ON "webhook_event" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_webhook_event_dedupe_key_unique" ON "webhook_event" ("dedupe_key") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "webhook_order_reference" ("id" text not null, "order_id" text not null, "reference" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "webhook_order_reference_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_webhook_order_reference_deleted_at" ON "webhook_order_reference" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_webhook_order_reference_order_unique" ON "webhook_order_reference" ("order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_webhook_order_reference_ref_unique" ON "webhook_order_reference" ("reference") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "webhook_attempt" cascade;`);

    this.addSql(`drop table if exists "webhook_delivery" cascade;`);

    this.addSql(`drop table if exists "webhook_endpoint" cascade;`);

    this.addSql(`drop table if exists "webhook_event" cascade;`);

    this.addSql(`drop table if exists "webhook_order_reference" cascade;`);
  }

}
