import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261129165840 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "license_code" drop constraint if exists "license_code_pool_code_unique";`);
    this.addSql(`alter table if exists "license_pool" drop constraint if exists "license_pool_name_unique";`);
    this.addSql(`alter table if exists "delivery_product" drop constraint if exists "delivery_product_variant_id_unique";`);
    this.addSql(`alter table if exists "delivery" drop constraint if exists "delivery_idempotency_key_unique";`);
    this.addSql(`alter table if exists "delivery" drop constraint if exists "delivery_line_item_id_unique";`);
    this.addSql(`create table if not exists "delivery" ("id" text not null, "order_id" text not null, "line_item_id" text not null, "variant_id" text null, "delivery_product_id" text null, "method" text check ("method" in ('download', 'license_code', 'webhook', 'rcon', 'discord_role')) not null, "title" text not null, "quantity" integer not null, "status" text check ("status" in ('pending', 'delivered', 'failed', 'awaiting_recipient', 'revoked')) not null default 'pending', "attempts" integer not null default 0, "next_attempt_at" timestamptz null, "locked_until" timestamptz null, "last_error" text null, "outcome_unknown" boolean not null default false, "is_dry_run" boolean not null default false, "idempotency_key" text not null, "delivered_at" timestamptz null, "revoked_at" timestamptz null, "redemption_code" text null, "notes" text null, "delivered_by" text null, "data" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "delivery_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_delivery_deleted_at" ON "delivery" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_delivery_line_item_id_unique" ON "delivery" ("line_item_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_delivery_idempotency_key_unique" ON "delivery" ("idempotency_key") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_delivery_order_id" ON "delivery" ("order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_delivery_due" ON "delivery" ("next_attempt_at") WHERE deleted_at IS NULL AND next_attempt_at IS NOT NULL AND status IN ('pending', 'awaiting_recipient');`);

    this.addSql(`create table if not exists "delivery_attempt" ("id" text not null, "kind" text check ("kind" in ('deliver', 'revoke', 'manual', 'resend')) not null default 'deliver', "attempt" integer not null, "outcome" text check ("outcome" in ('delivered', 'retry', 'awaiting_recipient', 'failed', 'unknown', 'dry_run')) not null, "message" text not null, "request" jsonb null, "response" jsonb null, "duration_ms" integer not null default 0, "actor_id" text null, "delivery_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "delivery_attempt_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_delivery_attempt_delivery_id" ON "delivery_attempt" ("delivery_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_delivery_attempt_deleted_at" ON "delivery_attempt" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_delivery_attempt_delivery_id" ON "delivery_attempt" ("delivery_id", "created_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "delivery_product" ("id" text not null, "variant_id" text not null, "product_id" text null, "title" text null, "method" text check ("method" in ('download', 'license_code', 'webhook', 'rcon', 'discord_role')) not null, "settings" jsonb not null, "enabled" boolean not null default true, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "delivery_product_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_delivery_product_deleted_at" ON "delivery_product" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_delivery_product_variant_id_unique" ON "delivery_product" ("variant_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "download_grant" ("id" text not null, "delivery_id" text not null, "order_id" text not null, "file_id" text not null, "filename" text null, "expires_at" timestamptz not null, "remaining_downloads" integer not null, "max_downloads" integer not null, "revoked_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "download_grant_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_download_grant_deleted_at" ON "download_grant" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_download_grant_delivery_id" ON "download_grant" ("delivery_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "license_pool" ("id" text not null, "name" text not null, "description" text null, "low_stock_threshold" integer not null default 10, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "license_pool_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_license_pool_deleted_at" ON "license_pool" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_license_pool_name_unique" ON "license_pool" ("name") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "license_code" ("id" text not null, "code" text not null, "status" text check ("status" in ('available', 'assigned', 'revoked')) not null default 'available', "delivery_id" text null, "assigned_at" timestamptz null, "revoked_at" timestamptz null, "pool_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "license_code_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_license_code_pool_id" ON "license_code" ("pool_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_license_code_deleted_at" ON "license_code" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_license_code_pool_code_unique" ON "license_code" ("pool_id", "code") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_license_code_available" ON "license_code" ("pool_id", "status") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_license_code_delivery_id" ON "license_code" ("delivery_id") WHERE deleted_at IS NULL AND delivery_id IS NOT NULL;`);

    this.addSql(`alter table if exists "delivery_attempt" add constraint "delivery_attempt_delivery_id_foreign" foreign key ("delivery_id") references "delivery" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table if exists "license_code" add constraint "license_code_pool_id_foreign" foreign key ("pool_id") references "license_pool" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "delivery_attempt" drop constraint if exists "delivery_attempt_delivery_id_foreign";`);

    this.addSql(`alter table if exists "license_code" drop constraint if exists "license_code_pool_id_foreign";`);

    this.addSql(`drop table if exists "delivery" cascade;`);

    this.addSql(`drop table if exists "delivery_attempt" cascade;`);

    this.addSql(`drop table if exists "delivery_product" cascade;`);

    this.addSql(`drop table if exists "download_grant" cascade;`);

    this.addSql(`drop table if exists "license_pool" cascade;`);

    this.addSql(`drop table if exists "license_code" cascade;`);
  }

}
