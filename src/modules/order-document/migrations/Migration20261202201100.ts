import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261202201100 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "order_document_job" ("id" text not null, "kind" text not null, "status" text check ("status" in ('pending', 'running', 'completed', 'failed', 'canceled')) not null default 'pending', "params" jsonb not null, "progress_done" integer not null default 0, "progress_total" integer null, "attempts" integer not null default 0, "lease_token" integer not null default 0, "locked_until" timestamptz null, "file_key" text null, "file_name" text null, "mime_type" text null, "error" text null, "created_by" text null, "started_at" timestamptz null, "finished_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "order_document_job_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_order_document_job_deleted_at" ON "order_document_job" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_order_document_job_status_created" ON "order_document_job" ("status", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_order_document_job_kind_created" ON "order_document_job" ("kind", "created_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "order_document_job" cascade;`);
  }

}
