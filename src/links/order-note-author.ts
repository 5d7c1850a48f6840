import { defineLink } from "@medusajs/framework/utils"
import UserModule from "@medusajs/medusa/user"
import OrderNoteModule from "../modules/order-note"

/** Read-only link: a note's author, the admin user in `order_note.author_id`. */
export default defineLink(
  { linkable: OrderNoteModule.linkable.orderNote, field: "author_id" },
  { linkable: UserModule.linkable.user, alias: "author" },
  { readOnly: true }
)
