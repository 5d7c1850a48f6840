/** Fields of a note in admin responses. */
export const ADMIN_ORDER_NOTE_FIELDS = [
  "id",
  "order_id",
  "body",
  "visible_to_customer",
  "author_id",
  "created_at",
  "updated_at",
  "author.id",
  "author.email",
  "author.first_name",
  "author.last_name",
  "revisions.id",
  "revisions.body",
  "revisions.visible_to_customer",
  "revisions.edited_by",
  "revisions.created_at",
]
