import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261202203328 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "order_ops_staff_alert_setting" drop constraint if exists "order_ops_staff_alert_setting_kind_unique";`);
    this.addSql(`alter table if exists "order_ops_notification_setting" drop constraint if exists "order_ops_notification_setting_kind_unique";`);
    this.addSql(`create table if not exists "order_ops_notification_setting" ("id" text not null, "kind" text not null, "enabled" boolean not null, "template" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "order_ops_notification_setting_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_order_ops_notification_setting_deleted_at" ON "order_ops_notification_setting" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_order_ops_notification_setting_kind_unique" ON "order_ops_notification_setting" ("kind") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "order_ops_staff_alert_setting" ("id" text not null, "kind" text not null, "enabled" boolean not null, "template" text not null, "recipients" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "order_ops_staff_alert_setting_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_order_ops_staff_alert_setting_deleted_at" ON "order_ops_staff_alert_setting" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_order_ops_staff_alert_setting_kind_unique" ON "order_ops_staff_alert_setting" ("kind") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "order_ops_notification_setting" cascade;`);

    this.addSql(`drop table if exists "order_ops_staff_alert_setting" cascade;`);
  }

}
