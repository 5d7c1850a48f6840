import { Button, Drawer, Heading, Input, Text, Textarea } from "@medusajs/ui"
import { useState } from "react"
import { useFieldErrors } from "../../hooks/field-errors"
import { Field } from "../field"

const FIELDS = ["redemption_code", "notes"] as const

/**
 * A small drawer asking for notes (and, for "Mark as delivered", a redemption
 * code). `onSubmit` throws the server's error; a 400 naming a field shows under it.
 */
export function NotesDrawer({
  open,
  onOpenChange,
  title,
  description,
  withCode,
  submitLabel,
  pending,
  onSubmit,
  testId,
}: {
  open: boolean
  onOpenChange: (open: boolean) => void
  title: string
  description: string
  withCode: boolean
  submitLabel: string
  pending: boolean
  onSubmit: (value: { redemption_code?: string; notes?: string }) => Promise<void>
  testId: string
}) {
  return (
    <Drawer open={open} onOpenChange={onOpenChange}>
      <Drawer.Content aria-describedby={undefined} data-testid={testId}>
        <Drawer.Header>
          <Drawer.Title asChild>
            <Heading>{title}</Heading>
          </Drawer.Title>
        </Drawer.Header>
        {open && (
          <NotesForm
            description={description}
            withCode={withCode}
            submitLabel={submitLabel}
            pending={pending}
            onSubmit={async (value) => {
              await onSubmit(value)
              onOpenChange(false)
            }}
          />
        )}
      </Drawer.Content>
    </Drawer>
  )
}

function NotesForm({
  description,
  withCode,
  submitLabel,
  pending,
  onSubmit,
}: {
  description: string
  withCode: boolean
  submitLabel: string
  pending: boolean
  onSubmit: (value: { redemption_code?: string; notes?: string }) => Promise<void>
}) {
  const [code, setCode] = useState("")
  const [notes, setNotes] = useState("")
  const server = useFieldErrors(FIELDS)

  return (
    <form
      className="flex size-full flex-col overflow-hidden"
      data-testid="notes-form"
      noValidate
      onSubmit={async (e) => {
        e.preventDefault()
        server.clear()
        try {
          await onSubmit({
            ...(withCode && code.trim() ? { redemption_code: code.trim() } : {}),
            ...(notes.trim() ? { notes: notes.trim() } : {}),
          })
        } catch (error) {
          server.report(error)
        }
      }}
    >
      <Drawer.Body className="flex flex-1 flex-col gap-y-6 overflow-auto">
        <Text size="small" className="text-ui-fg-subtle">
          {description}
        </Text>
        {withCode && (
          <Field
            label="Redemption code"
            htmlFor="delivery-redemption-code"
            optional
            hint="Shown to the customer in their delivery instructions."
            error={server.errorFor("redemption_code")}
            testId="delivery-redemption-code-field"
          >
            <Input
              id="delivery-redemption-code"
              className="font-mono"
              value={code}
              onChange={(e) => setCode(e.target.value)}
              aria-invalid={!!server.errorFor("redemption_code")}
              data-testid="delivery-redemption-code"
            />
          </Field>
        )}
        <Field
          label="Notes"
          htmlFor="delivery-notes"
          optional
          hint="For your team: what was done and why."
          error={server.errorFor("notes")}
          testId="delivery-notes-field"
        >
          <Textarea
            id="delivery-notes"
            rows={4}
            value={notes}
            onChange={(e) => setNotes(e.target.value)}
            aria-invalid={!!server.errorFor("notes")}
            data-testid="delivery-notes"
          />
        </Field>
        {server.raw && !server.errorFor("redemption_code") && !server.errorFor("notes") && (
          <Text size="small" className="text-ui-fg-error" data-testid="notes-form-error">
            {server.raw}
          </Text>
        )}
      </Drawer.Body>
      <Drawer.Footer>
        <div className="flex items-center justify-end gap-x-2">
          <Drawer.Close asChild>
            <Button size="small" variant="secondary" type="button">
              Cancel
            </Button>
          </Drawer.Close>
          <Button size="small" type="submit" isLoading={pending} data-testid="notes-form-submit">
            {submitLabel}
          </Button>
        </div>
      </Drawer.Footer>
    </form>
  )
}
