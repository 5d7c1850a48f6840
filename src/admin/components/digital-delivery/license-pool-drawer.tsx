import { Button, Drawer, Heading, Input, Textarea, toast } from "@medusajs/ui"
import { useState } from "react"
import { useCreateLicensePool, useUpdateLicensePool } from "../../hooks/digital-delivery"
import { useFieldErrors } from "../../hooks/field-errors"
import type { AdminLicensePool } from "../../lib/digital-delivery"
import { Field } from "../field"

const FIELDS = ["name", "description", "low_stock_threshold"] as const

function LicensePoolForm({ pool, onDone }: { pool: AdminLicensePool | null; onDone: (pool: AdminLicensePool) => void }) {
  const create = useCreateLicensePool()
  const update = useUpdateLicensePool()
  const server = useFieldErrors(FIELDS)
  const [name, setName] = useState(pool?.name ?? "")
  const [description, setDescription] = useState(pool?.description ?? "")
  const [threshold, setThreshold] = useState(String(pool?.low_stock_threshold ?? 10))
  const [showErrors, setShowErrors] = useState(false)
  const nameError = showErrors && !name.trim() ? "Give the pool a name." : server.errorFor("name")

  const submit = async () => {
    setShowErrors(true)
    server.clear()
    if (!name.trim()) return
    const body = {
      name: name.trim(),
      description: description.trim() || null,
      ...(threshold.trim() === "" ? {} : { low_stock_threshold: Number(threshold) }),
    }
    try {
      const { license_pool } = pool ? await update.mutateAsync({ id: pool.id, ...body }) : await create.mutateAsync(body)
      toast.success(pool ? `“${body.name}” saved` : `“${body.name}” created`)
      onDone(license_pool)
    } catch (e) {
      server.report(e)
    }
  }

  return (
    <form
      className="flex size-full flex-col overflow-hidden"
      data-testid="license-pool-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault()
        void submit()
      }}
    >
      <Drawer.Body className="flex flex-1 flex-col gap-y-6 overflow-auto">
        <Field label="Name" htmlFor="license-pool-name" error={nameError} testId="license-pool-name-field">
          <Input
            id="license-pool-name"
            placeholder="Label printer app"
            value={name}
            onChange={(e) => setName(e.target.value)}
            aria-invalid={!!nameError}
            data-testid="license-pool-name"
          />
        </Field>
        <Field label="Description" htmlFor="license-pool-description" optional error={server.errorFor("description")}>
          <Textarea
            id="license-pool-description"
            rows={3}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
            data-testid="license-pool-description"
          />
        </Field>
        <Field
          label="Low stock threshold"
          htmlFor="license-pool-threshold"
          hint="The pool is flagged when fewer codes than this are available."
          error={server.errorFor("low_stock_threshold")}
          testId="license-pool-threshold-field"
        >
          <Input
            id="license-pool-threshold"
            type="number"
            min={0}
            step={1}
            value={threshold}
            onChange={(e) => setThreshold(e.target.value)}
            aria-invalid={!!server.errorFor("low_stock_threshold")}
            data-testid="license-pool-threshold"
          />
        </Field>
      </Drawer.Body>
      <Drawer.Footer>
        <div className="flex items-center justify-end gap-x-2">
          <Drawer.Close asChild>
            <Button size="small" variant="secondary" type="button">
              Cancel
            </Button>
          </Drawer.Close>
          <Button size="small" type="submit" isLoading={create.isPending || update.isPending} data-testid="license-pool-submit">
            {pool ? "Save" : "Create"}
          </Button>
        </div>
      </Drawer.Footer>
    </form>
  )
}

/** Create (pool null) or edit a license pool's name, description and low-stock threshold. */
export function LicensePoolDrawer({
  pool,
  open,
  onOpenChange,
  onSaved,
}: {
  pool: AdminLicensePool | null
  open: boolean
  onOpenChange: (open: boolean) => void
  onSaved?: (pool: AdminLicensePool) => void
}) {
  return (
    <Drawer open={open} onOpenChange={onOpenChange}>
      <Drawer.Content aria-describedby={undefined} data-testid="license-pool-drawer">
        <Drawer.Header>
          <Drawer.Title asChild>
            <Heading>{pool ? "Edit license pool" : "Create license pool"}</Heading>
          </Drawer.Title>
        </Drawer.Header>
        {open && (
          <LicensePoolForm
            key={pool?.id ?? "new"}
            pool={pool}
            onDone={(saved) => {
              onOpenChange(false)
              onSaved?.(saved)
            }}
          />
        )}
      </Drawer.Content>
    </Drawer>
  )
}
