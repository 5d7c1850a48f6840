import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { EllipsisHorizontal, Eye, History, PencilSquare, Trash } from "@medusajs/icons"
import {
  Badge,
  Button,
  Container,
  DropdownMenu,
  Heading,
  IconButton,
  Label,
  Switch,
  Text,
  Textarea,
  toast,
  usePrompt,
} from "@medusajs/ui"
import { useState } from "react"
import {
  useCreateOrderNote,
  useDeleteOrderNote,
  useOrderNotes,
  useUpdateOrderNote,
} from "../hooks/order-notes"
import { errorMessage } from "../lib/errors"
import { formatDateTime, formatRelative } from "../lib/format"
import type { AdminOrderNote } from "../lib/types"

const MAX_LENGTH = 5000

function authorName(note: AdminOrderNote): string {
  if (!note.author) return "System"
  const name = [note.author.first_name, note.author.last_name].filter(Boolean).join(" ")
  return name || note.author.email
}

function NoteForm({
  initialBody = "",
  initialVisible = false,
  submitLabel,
  pending,
  onSubmit,
  onCancel,
  testId,
}: {
  initialBody?: string
  initialVisible?: boolean
  submitLabel: string
  pending: boolean
  /** Resolves true when saved; the form clears itself only then. */
  onSubmit: (value: { body: string; visible_to_customer: boolean }) => Promise<boolean>
  onCancel?: () => void
  testId: string
}) {
  const [body, setBody] = useState(initialBody)
  const [visible, setVisible] = useState(initialVisible)
  const trimmed = body.trim()
  const tooLong = trimmed.length > MAX_LENGTH
  const switchId = `${testId}-visible`

  return (
    <form
      data-testid={testId}
      className="flex flex-col gap-y-2"
      onSubmit={async (e) => {
        e.preventDefault()
        if (!trimmed || tooLong) return
        const saved = await onSubmit({ body: trimmed, visible_to_customer: visible })
        if (saved && !onCancel) {
          setBody("")
          setVisible(false)
        }
      }}
    >
      <Textarea
        aria-label="Note"
        placeholder="Add a note for your team…"
        value={body}
        rows={3}
        onChange={(e) => setBody(e.target.value)}
        aria-invalid={tooLong}
      />
      <div className="flex items-center justify-between gap-x-2">
        <div className="flex items-center gap-x-2">
          <Switch id={switchId} checked={visible} onCheckedChange={setVisible} />
          <Label htmlFor={switchId} size="small" className="text-ui-fg-subtle">
            Visible to customer
          </Label>
        </div>
        <div className="flex items-center gap-x-2">
          <Text size="xsmall" className={tooLong ? "text-ui-fg-error" : "text-ui-fg-muted"}>
            {trimmed.length}/{MAX_LENGTH}
          </Text>
          {onCancel && (
            <Button type="button" size="small" variant="secondary" onClick={onCancel}>
              Cancel
            </Button>
          )}
          <Button type="submit" size="small" isLoading={pending} disabled={!trimmed || tooLong}>
            {submitLabel}
          </Button>
        </div>
      </div>
    </form>
  )
}

function NoteItem({ note, orderId }: { note: AdminOrderNote; orderId: string }) {
  const [editing, setEditing] = useState(false)
  const [showRevisions, setShowRevisions] = useState(false)
  const update = useUpdateOrderNote(orderId)
  const remove = useDeleteOrderNote(orderId)
  const prompt = usePrompt()

  const onDelete = async () => {
    const confirmed = await prompt({
      title: "Delete note?",
      description: "The note disappears from the order. The timeline keeps a record that it was deleted.",
      confirmText: "Delete",
      cancelText: "Cancel",
    })
    if (!confirmed) return
    try {
      await remove.mutateAsync(note.id)
      toast.success("Note deleted")
    } catch (e) {
      toast.error(errorMessage(e))
    }
  }

  return (
    <li data-testid="order-note" data-note-id={note.id} className="flex flex-col gap-y-2 px-6 py-4">
      <div className="flex items-start justify-between gap-x-4">
        <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
          <Text size="small" weight="plus">
            {authorName(note)}
          </Text>
          <Text size="small" className="text-ui-fg-muted" title={formatDateTime(note.created_at)}>
            {formatRelative(note.created_at)}
          </Text>
          {note.visible_to_customer && (
            <Badge size="2xsmall" color="blue">
              Visible to customer
            </Badge>
          )}
          {note.revisions.length > 0 && (
            <Badge size="2xsmall" color="grey" title={`Last edited ${formatDateTime(note.updated_at)}`}>
              Edited
            </Badge>
          )}
        </div>
        {!editing && (
          <DropdownMenu>
            <DropdownMenu.Trigger asChild>
              <IconButton size="small" variant="transparent" aria-label="Note actions">
                <EllipsisHorizontal />
              </IconButton>
            </DropdownMenu.Trigger>
            <DropdownMenu.Content align="end">
              <DropdownMenu.Item className="gap-x-2" onClick={() => setEditing(true)}>
                <PencilSquare className="text-ui-fg-subtle" />
                Edit
              </DropdownMenu.Item>
              <DropdownMenu.Item
                className="gap-x-2"
                onClick={async () => {
                  try {
                    await update.mutateAsync({ id: note.id, visible_to_customer: !note.visible_to_customer })
                    toast.success(note.visible_to_customer ? "Note is internal now" : "Note shared with the customer")
                  } catch (e) {
                    toast.error(errorMessage(e))
                  }
                }}
              >
                <Eye className="text-ui-fg-subtle" />
                {note.visible_to_customer ? "Make internal" : "Share with customer"}
              </DropdownMenu.Item>
              {note.revisions.length > 0 && (
                <DropdownMenu.Item className="gap-x-2" onClick={() => setShowRevisions((v) => !v)}>
                  <History className="text-ui-fg-subtle" />
                  {showRevisions ? "Hide revisions" : `Show revisions (${note.revisions.length})`}
                </DropdownMenu.Item>
              )}
              <DropdownMenu.Separator />
              <DropdownMenu.Item className="gap-x-2" onClick={onDelete}>
                <Trash className="text-ui-fg-subtle" />
                Delete
              </DropdownMenu.Item>
            </DropdownMenu.Content>
          </DropdownMenu>
        )}
      </div>
      {editing ? (
        <NoteForm
          testId="edit-note-form"
          initialBody={note.body}
          initialVisible={note.visible_to_customer}
          submitLabel="Save"
          pending={update.isPending}
          onCancel={() => setEditing(false)}
          onSubmit={async (value) => {
            try {
              await update.mutateAsync({ id: note.id, ...value })
              setEditing(false)
              toast.success("Note updated")
              return true
            } catch (e) {
              toast.error(errorMessage(e))
              return false
            }
          }}
        />
      ) : (
        <Text size="small" className="whitespace-pre-wrap break-words text-ui-fg-base" data-testid="order-note-body">
          {note.body}
        </Text>
      )}
      {showRevisions && (
        <ul data-testid="order-note-revisions" className="border-ui-border-base flex flex-col gap-y-2 border-l-2 pl-3">
          {note.revisions.map((revision) => (
            <li key={revision.id} className="flex flex-col">
              <Text size="xsmall" className="text-ui-fg-muted">
                Replaced {formatDateTime(revision.created_at)}
                {revision.visible_to_customer ? " · was visible to customer" : ""}
              </Text>
              <Text size="small" className="whitespace-pre-wrap break-words text-ui-fg-subtle">
                {revision.body}
              </Text>
            </li>
          ))}
        </ul>
      )}
    </li>
  )
}

/** Notes on the order page: add, edit inline, share, delete, see revisions. */
const OrderNotesWidget = ({ data: order }: DetailWidgetProps<AdminOrder>) => {
  const { data, isPending, isError, error, refetch } = useOrderNotes(order.id)
  const create = useCreateOrderNote(order.id)

  return (
    <Container className="divide-y p-0" data-testid="order-notes-widget">
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading level="h2">Notes</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Only your team sees notes, unless you share one with the customer.
          </Text>
        </div>
        {data && data.count > 0 && (
          <Badge size="2xsmall" color="grey">
            {data.count}
          </Badge>
        )}
      </div>
      <div className="px-6 py-4">
        <NoteForm
          testId="add-note-form"
          submitLabel="Add note"
          pending={create.isPending}
          onSubmit={async (value) => {
            try {
              await create.mutateAsync(value)
              toast.success(value.visible_to_customer ? "Note added and shared with the customer" : "Note added")
              return true
            } catch (e) {
              toast.error(errorMessage(e))
              return false
            }
          }}
        />
      </div>
      {isPending ? (
        <div className="px-6 py-4" aria-busy="true">
          <Text size="small" className="text-ui-fg-muted">
            Loading notes…
          </Text>
        </div>
      ) : isError ? (
        <div className="flex items-center justify-between px-6 py-4">
          <Text size="small" className="text-ui-fg-error">
            Couldn't load notes: {errorMessage(error)}
          </Text>
          <Button size="small" variant="secondary" onClick={() => refetch()}>
            Retry
          </Button>
        </div>
      ) : data.notes.length === 0 ? (
        <div className="px-6 py-4" data-testid="order-notes-empty">
          <Text size="small" className="text-ui-fg-muted">
            No notes yet.
          </Text>
        </div>
      ) : (
        <ul className="divide-y">
          {data.notes.map((note) => (
            <NoteItem key={note.id} note={note} orderId={order.id} />
          ))}
        </ul>
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "order.details.after",
})

export default OrderNotesWidget
