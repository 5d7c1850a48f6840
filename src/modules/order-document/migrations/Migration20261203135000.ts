import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/** A bulk job's outcome per order (done, skipped with the reason, failed with the error). */
export class Migration20261203135000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "order_document_job" add column if not exists "result" jsonb null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "order_document_job" drop column if exists "result";`);
  }

}
