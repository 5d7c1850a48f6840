import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Button, Container, Heading, Input, Label, Text, Textarea, toast } from "@medusajs/ui"
import { useEffect, useState, type ChangeEvent } from "react"
import { useDocumentSettings, useSaveDocumentSettings, useUploadLogo } from "../../../hooks/document-settings"
import { errorMessage } from "../../../lib/errors"

type Draft = {
  store_name: string
  address: string
  tax_ids: string
  invoice_prefix: string
  next_invoice_number: string
  logo_file_id: string | null
  logo_url: string | null
}

/**
 * Settings → Documents: what invoices, credit notes and packing slips print
 * about the seller (name, address, tax ids, logo), the invoice number
 * prefix and the next invoice number (which only moves forward). Issued
 * documents never change; new ones use what is saved here.
 */
const DocumentsSettingsPage = () => {
  const { data, isPending, isError, error } = useDocumentSettings()
  const save = useSaveDocumentSettings()
  const upload = useUploadLogo()
  const [draft, setDraft] = useState<Draft | null>(null)
  useEffect(() => {
    if (data) {
      const s = data.settings
      setDraft({
        store_name: s.store_name ?? "",
        address: s.address ?? "",
        tax_ids: s.tax_ids.join("\n"),
        invoice_prefix: s.invoice_prefix,
        next_invoice_number: String(s.next_invoice_number),
        logo_file_id: s.logo_file_id,
        logo_url: s.logo_url,
      })
    }
  }, [data])

  if (isPending || !draft || !data) {
    return (
      <Container>
        <Text size="small">{isError ? `Couldn't load settings: ${errorMessage(error)}` : "Loading…"}</Text>
      </Container>
    )
  }

  const onLogo = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0]
    if (!file) return
    try {
      const uploaded = await upload.mutateAsync(file)
      setDraft({ ...draft, logo_file_id: uploaded.id, logo_url: uploaded.url })
    } catch (err) {
      toast.error(errorMessage(err))
    }
  }

  const submit = async () => {
    const next = Number(draft.next_invoice_number)
    try {
      await save.mutateAsync({
        store_name: draft.store_name.trim() || null,
        address: draft.address.trim() || null,
        tax_ids: draft.tax_ids.split("\n").map((t) => t.trim()).filter(Boolean),
        logo_file_id: draft.logo_file_id,
        invoice_prefix: draft.invoice_prefix,
        ...(next !== data.settings.next_invoice_number ? { next_invoice_number: next } : {}),
      })
      toast.success("Document settings saved")
    } catch (e) {
      toast.error(errorMessage(e))
    }
  }

  const field = (key: keyof Draft) => ({
    value: (draft[key] as string | null) ?? "",
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => setDraft({ ...draft, [key]: e.target.value }),
  })

  return (
    <Container className="divide-y p-0" data-testid="documents-settings-page">
      <div className="flex items-center justify-between px-6 py-4">
        <div className="flex flex-col gap-y-1">
          <Heading>Documents</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            What invoices, credit notes and packing slips show about your store. Issued invoices never change.
          </Text>
        </div>
        <Button size="small" onClick={submit} isLoading={save.isPending} data-testid="documents-settings-save">
          Save
        </Button>
      </div>
      <div className="grid grid-cols-1 gap-4 px-6 py-4 md:grid-cols-2">
        <div className="flex flex-col gap-y-1">
          <Label size="small" htmlFor="doc-store-name">Store name</Label>
          <Input id="doc-store-name" size="small" placeholder={data.settings.store_default_name ?? "Store"} {...field("store_name")} />
        </div>
        <div className="flex flex-col gap-y-1">
          <Label size="small" htmlFor="doc-tax-ids">Tax ids (one per line)</Label>
          <Textarea id="doc-tax-ids" rows={2} placeholder="VAT DK12345678" {...field("tax_ids")} />
        </div>
        <div className="flex flex-col gap-y-1 md:col-span-2">
          <Label size="small" htmlFor="doc-address">Address</Label>
          <Textarea id="doc-address" rows={3} {...field("address")} />
        </div>
        <div className="flex flex-col gap-y-2 md:col-span-2">
          <Label size="small" htmlFor="doc-logo">Logo (PNG or JPEG, at most 1 MB)</Label>
          <div className="flex items-center gap-x-3">
            {draft.logo_url ? <img src={draft.logo_url} alt="Logo" className="h-10 max-w-[160px] object-contain" data-testid="documents-logo-preview" /> : null}
            <input id="doc-logo" type="file" accept="image/png,image/jpeg" onChange={onLogo} className="txt-compact-small" data-testid="documents-logo-input" />
            {draft.logo_file_id ? (
              <Button size="small" variant="transparent" onClick={() => setDraft({ ...draft, logo_file_id: null, logo_url: null })}>
                Remove
              </Button>
            ) : null}
          </div>
        </div>
        <div className="flex flex-col gap-y-1">
          <Label size="small" htmlFor="doc-prefix">Invoice number prefix</Label>
          <Input id="doc-prefix" size="small" {...field("invoice_prefix")} />
        </div>
        <div className="flex flex-col gap-y-1">
          <Label size="small" htmlFor="doc-next">Next invoice number</Label>
          <Input id="doc-next" size="small" type="number" min={data.settings.next_invoice_number} {...field("next_invoice_number")} />
          <Text size="xsmall" className="text-ui-fg-subtle">
            Only moves forward: the next invoice is {draft.invoice_prefix}
            {String(Number(draft.next_invoice_number) || data.settings.next_invoice_number).padStart(6, "0")}.
          </Text>
        </div>
      </div>
    </Container>
  )
}

export const config = defineRouteConfig({
  label: "Documents",
})

/** The dashboard's header shows this in its breadcrumb. */
export const handle = {
  breadcrumb: () => "Documents",
}

export default DocumentsSettingsPage
