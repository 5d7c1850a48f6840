import { Hint, Label } from "@medusajs/ui"
import type { ReactNode } from "react"

/** A labelled form field with an optional hint and error, laid out as the dashboard's forms are. */
export function Field({
  label,
  htmlFor,
  optional,
  hint,
  error,
  testId,
  children,
}: {
  label: string
  htmlFor?: string
  optional?: boolean
  hint?: ReactNode
  error?: string | null
  testId?: string
  children: ReactNode
}) {
  return (
    <div className="flex flex-col gap-y-2" data-testid={testId}>
      <Label htmlFor={htmlFor} size="small" weight="plus">
        {label}
        {optional && <span className="text-ui-fg-muted font-normal"> (optional)</span>}
      </Label>
      {children}
      {error ? (
        <Hint variant="error" data-testid={testId ? `${testId}-error` : undefined}>
          {error}
        </Hint>
      ) : (
        hint && <Hint>{hint}</Hint>
      )}
    </div>
  )
}
