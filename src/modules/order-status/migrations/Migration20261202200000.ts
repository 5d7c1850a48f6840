import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * The heal job's cursor (issue 15): one row, `order-status-heal`, saying up
 * to when source changes were examined. Kept in the database so any worker
 * continues where the last pass stopped. Written by hand (model
 * `OrderStatusHealCursor`, read and written with SQL only).
 */
export class Migration20261202200000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "order_status_heal_cursor" ("id" text not null, "cursor" timestamptz null, "last_run_at" timestamptz null, "last_count" integer not null default 0, "full_scan_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "order_status_heal_cursor_pkey" primary key ("id"));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "order_status_heal_cursor" cascade;`);
  }

}
