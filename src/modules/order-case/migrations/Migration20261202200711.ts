import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261202200711 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "order_label_assignment" drop constraint if exists "order_label_assignment_order_unique";`);
    this.addSql(`alter table if exists "order_label" drop constraint if exists "order_label_name_unique";`);
    this.addSql(`alter table if exists "order_hold" drop constraint if exists "order_hold_active_order_unique";`);
    this.addSql(`alter table if exists "order_dispute_event" drop constraint if exists "order_dispute_event_unique";`);
    this.addSql(`alter table if exists "order_dispute" drop constraint if exists "order_dispute_gateway_unique";`);
    this.addSql(`create table if not exists "order_dispute" ("id" text not null, "order_id" text not null, "payment_id" text null, "amount" numeric not null, "currency_code" text not null, "reason" text check ("reason" in ('fraudulent', 'product_not_received', 'product_unacceptable', 'duplicate', 'subscription_canceled', 'credit_not_processed', 'unrecognized', 'other')) not null, "status" text check ("status" in ('needs_response', 'under_review', 'won', 'lost', 'accepted')) not null default 'needs_response', "opened_at" timestamptz not null, "evidence_due_by" timestamptz null, "closed_at" timestamptz null, "gateway" text null, "gateway_dispute_id" text null, "notes" text null, "created_by" text null, "raw_amount" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "order_dispute_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_order_dispute_deleted_at" ON "order_dispute" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_order_dispute_order_id" ON "order_dispute" ("order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_order_dispute_gateway_unique" ON "order_dispute" ("gateway", "gateway_dispute_id") WHERE deleted_at IS NULL AND gateway_dispute_id IS NOT NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_order_dispute_status_due" ON "order_dispute" ("status", "evidence_due_by") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "order_dispute_event" ("id" text not null, "gateway" text not null, "event_id" text not null, "type" text not null, "outcome" text check ("outcome" in ('applied', 'ignored')) not null, "detail" text null, "dispute_id" text null, "gateway_dispute_id" text null, "payload" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "order_dispute_event_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_order_dispute_event_deleted_at" ON "order_dispute_event" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_order_dispute_event_unique" ON "order_dispute_event" ("gateway", "event_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "order_hold" ("id" text not null, "order_id" text not null, "reason" text check ("reason" in ('awaiting_payment', 'high_risk', 'incorrect_address', 'out_of_stock', 'other')) not null, "note" text null, "placed_by" text null, "placed_at" timestamptz not null, "released_at" timestamptz null, "released_by" text null, "release_note" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "order_hold_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_order_hold_deleted_at" ON "order_hold" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_order_hold_active_order_unique" ON "order_hold" ("order_id") WHERE deleted_at IS NULL AND released_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_order_hold_order_id" ON "order_hold" ("order_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "order_label" ("id" text not null, "name" text not null, "color" text check ("color" in ('grey', 'blue', 'green', 'orange', 'red', 'purple')) not null default 'grey', "customer_visible" boolean not null default true, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "order_label_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_order_label_deleted_at" ON "order_label" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_order_label_name_unique" ON "order_label" ("name") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "order_label_assignment" ("id" text not null, "order_id" text not null, "label_id" text not null, "reference" text null, "set_by" text null, "set_at" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "order_label_assignment_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_order_label_assignment_deleted_at" ON "order_label_assignment" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_order_label_assignment_order_unique" ON "order_label_assignment" ("order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_order_label_assignment_label_id" ON "order_label_assignment" ("label_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "order_dispute" cascade;`);

    this.addSql(`drop table if exists "order_dispute_event" cascade;`);

    this.addSql(`drop table if exists "order_hold" cascade;`);

    this.addSql(`drop table if exists "order_label" cascade;`);

    this.addSql(`drop table if exists "order_label_assignment" cascade;`);
  }

}
