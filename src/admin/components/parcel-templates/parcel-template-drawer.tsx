import { Button, Drawer, Heading, Input, Label, Select, Switch, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { useFieldErrors } from "../../hooks/field-errors"
import { useCreateParcelTemplate, useUpdateParcelTemplate } from "../../hooks/parcel-templates"
import { DISTANCE_UNITS, MASS_UNITS } from "../../lib/status"
import type { AdminParcelTemplate, AdminParcelTemplateBody, DistanceUnit, MassUnit } from "../../lib/types"
import { Field } from "../field"

const FIELDS = ["name", "length", "width", "height", "distance_unit", "weight", "mass_unit", "is_default"] as const
type FieldName = (typeof FIELDS)[number]

type Draft = {
  name: string
  length: string
  width: string
  height: string
  distance_unit: DistanceUnit
  weight: string
  mass_unit: MassUnit
  is_default: boolean
}

const fromTemplate = (t: AdminParcelTemplate | null): Draft =>
  t
    ? {
        name: t.name,
        length: String(t.length),
        width: String(t.width),
        height: String(t.height),
        distance_unit: t.distance_unit,
        weight: String(t.weight),
        mass_unit: t.mass_unit,
        is_default: t.is_default,
      }
    : { name: "", length: "", width: "", height: "", distance_unit: "cm", weight: "", mass_unit: "kg", is_default: false }

/** What is wrong with the draft before it is sent; the server checks again. */
function validate(draft: Draft): Partial<Record<FieldName, string>> {
  const errors: Partial<Record<FieldName, string>> = {}
  if (!draft.name.trim()) errors.name = "Give the template a name."
  for (const key of ["length", "width", "height", "weight"] as const) {
    const n = Number(draft[key])
    if (draft[key].trim() === "" || !Number.isFinite(n) || n <= 0) errors[key] = "Enter a number above 0."
  }
  return errors
}

function ParcelTemplateForm({ template, onDone }: { template: AdminParcelTemplate | null; onDone: () => void }) {
  const create = useCreateParcelTemplate()
  const update = useUpdateParcelTemplate()
  const [draft, setDraft] = useState<Draft>(() => fromTemplate(template))
  const [showErrors, setShowErrors] = useState(false)
  const server = useFieldErrors(FIELDS)
  const local = validate(draft)
  const errorFor = (field: FieldName) => (showErrors ? local[field] : undefined) ?? server.errorFor(field)
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }))

  const submit = async () => {
    setShowErrors(true)
    server.clear()
    if (Object.keys(local).length) return
    const body: AdminParcelTemplateBody = {
      name: draft.name.trim(),
      length: Number(draft.length),
      width: Number(draft.width),
      height: Number(draft.height),
      distance_unit: draft.distance_unit,
      weight: Number(draft.weight),
      mass_unit: draft.mass_unit,
      is_default: draft.is_default,
    }
    try {
      if (template) {
        await update.mutateAsync({ id: template.id, ...body })
        toast.success(`“${body.name}” saved`)
      } else {
        await create.mutateAsync(body)
        toast.success(`“${body.name}” created`)
      }
      onDone()
    } catch (e) {
      server.report(e)
    }
  }

  const numberInput = (key: "length" | "width" | "height" | "weight", label: string) => (
    <Field label={label} htmlFor={`parcel-template-${key}`} error={errorFor(key)} testId={`parcel-template-${key}-field`}>
      <Input
        id={`parcel-template-${key}`}
        type="number"
        min={0}
        step="any"
        value={draft[key]}
        onChange={(e) => set(key, e.target.value)}
        aria-invalid={!!errorFor(key)}
        data-testid={`parcel-template-${key}`}
      />
    </Field>
  )

  return (
    <form
      className="flex size-full flex-col overflow-hidden"
      data-testid="parcel-template-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault()
        void submit()
      }}
    >
      <Drawer.Body className="flex flex-1 flex-col gap-y-6 overflow-auto">
        <Field label="Name" htmlFor="parcel-template-name" error={errorFor("name")} testId="parcel-template-name-field">
          <Input
            id="parcel-template-name"
            placeholder="Small box"
            value={draft.name}
            onChange={(e) => set("name", e.target.value)}
            aria-invalid={!!errorFor("name")}
            data-testid="parcel-template-name"
          />
        </Field>
        <div className="grid grid-cols-2 gap-4">
          {numberInput("length", "Length")}
          {numberInput("width", "Width")}
          {numberInput("height", "Height")}
          <Field label="Dimension unit" htmlFor="parcel-template-distance-unit" error={errorFor("distance_unit")}>
            <Select value={draft.distance_unit} onValueChange={(v) => set("distance_unit", v as DistanceUnit)}>
              <Select.Trigger id="parcel-template-distance-unit" data-testid="parcel-template-distance-unit">
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                {DISTANCE_UNITS.map((u) => (
                  <Select.Item key={u} value={u}>
                    {u}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
          </Field>
          {numberInput("weight", "Weight")}
          <Field label="Weight unit" htmlFor="parcel-template-mass-unit" error={errorFor("mass_unit")}>
            <Select value={draft.mass_unit} onValueChange={(v) => set("mass_unit", v as MassUnit)}>
              <Select.Trigger id="parcel-template-mass-unit" data-testid="parcel-template-mass-unit">
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                {MASS_UNITS.map((u) => (
                  <Select.Item key={u} value={u}>
                    {u}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
          </Field>
        </div>
        <div className="flex items-start gap-x-3">
          <Switch
            id="parcel-template-default"
            checked={draft.is_default}
            onCheckedChange={(v) => set("is_default", v)}
            data-testid="parcel-template-default"
          />
          <div className="flex flex-col">
            <Label htmlFor="parcel-template-default" size="small" weight="plus">
              Default package
            </Label>
            <Text size="small" className="text-ui-fg-subtle">
              Preselected when buying a label. Only one template is the default.
            </Text>
          </div>
        </div>
      </Drawer.Body>
      <Drawer.Footer>
        <div className="flex items-center justify-end gap-x-2">
          <Drawer.Close asChild>
            <Button size="small" variant="secondary" type="button">
              Cancel
            </Button>
          </Drawer.Close>
          <Button
            size="small"
            type="submit"
            isLoading={create.isPending || update.isPending}
            data-testid="parcel-template-submit"
          >
            {template ? "Save" : "Create"}
          </Button>
        </div>
      </Drawer.Footer>
    </form>
  )
}

/** Create (template null) or edit a parcel template. */
export function ParcelTemplateDrawer({
  template,
  open,
  onOpenChange,
}: {
  template: AdminParcelTemplate | null
  open: boolean
  onOpenChange: (open: boolean) => void
}) {
  return (
    <Drawer open={open} onOpenChange={onOpenChange}>
      <Drawer.Content aria-describedby={undefined} data-testid="parcel-template-drawer">
        <Drawer.Header>
          <Drawer.Title asChild>
            <Heading>{template ? "Edit parcel template" : "Create parcel template"}</Heading>
          </Drawer.Title>
        </Drawer.Header>
        {open && <ParcelTemplateForm key={template?.id ?? "new"} template={template} onDone={() => onOpenChange(false)} />}
      </Drawer.Content>
    </Drawer>
  )
}
