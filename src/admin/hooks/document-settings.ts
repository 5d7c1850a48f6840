import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"
import type { AdminDocumentSettings } from "../lib/order-document-types"

/** Query keys for Settings → Documents. */
export const documentSettingsKeys = {
  all: ["order-ops", "settings", "documents"] as const,
}

/** Settings → Documents in force. */
export function useDocumentSettings() {
  return useQuery({
    queryKey: documentSettingsKeys.all,
    queryFn: () => sdk.client.fetch<{ settings: AdminDocumentSettings }>("/admin/order-ops/settings/documents"),
  })
}

/** The fields `POST /admin/order-ops/settings/documents` takes. */
export type SaveDocumentSettingsBody = Partial<
  Pick<AdminDocumentSettings, "store_name" | "address" | "tax_ids" | "logo_file_id" | "invoice_prefix" | "next_invoice_number">
>

/** Saves the changed fields; the server refuses a next number that moves back. */
export function useSaveDocumentSettings() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (body: SaveDocumentSettingsBody) =>
      sdk.client.fetch<{ settings: AdminDocumentSettings }>("/admin/order-ops/settings/documents", { method: "POST", body }),
    onSuccess: () => client.invalidateQueries({ queryKey: documentSettingsKeys.all }),
  })
}

/** Uploads a logo through Medusa's file module (`POST /admin/uploads`); answers the file id. */
export function useUploadLogo() {
  return useMutation({
    mutationFn: async (file: File) => {
      const { files } = await sdk.admin.upload.create({ files: [file] })
      return files[0]
    },
  })
}
