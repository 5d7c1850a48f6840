import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/** The download log: time, IP address and user agent of every download served. */
export class Migration20261203080000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "download_log" ("id" text not null, "grant_id" text not null, "delivery_id" text not null, "order_id" text not null, "file_id" text not null, "filename" text null, "ip" text null, "user_agent" text null, "downloaded_at" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "download_log_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_download_log_deleted_at" ON "download_log" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_download_log_order_id" ON "download_log" ("order_id", "downloaded_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_download_log_grant_id" ON "download_log" ("grant_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "download_log" cascade;`);
  }

}
