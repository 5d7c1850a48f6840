import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261124130943 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "order_note" ("id" text not null, "order_id" text not null, "author_id" text null, "body" text not null, "visible_to_customer" boolean not null default false, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "order_note_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_order_note_deleted_at" ON "order_note" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_order_note_order_id_created_at" ON "order_note" ("order_id", "created_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "order_note_revision" ("id" text not null, "body" text not null, "visible_to_customer" boolean not null default false, "edited_by" text null, "note_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "order_note_revision_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_order_note_revision_note_id" ON "order_note_revision" ("note_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_order_note_revision_deleted_at" ON "order_note_revision" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "order_note_revision" add constraint "order_note_revision_note_id_foreign" foreign key ("note_id") references "order_note" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "order_note_revision" drop constraint if exists "order_note_revision_note_id_foreign";`);

    this.addSql(`drop table if exists "order_note" cascade;`);

    this.addSql(`drop table if exists "order_note_revision" cascade;`);
  }

}
