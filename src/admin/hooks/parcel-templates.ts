import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"
import type {
  AdminDeleteParcelTemplateResponse,
  AdminParcelTemplateBody,
  AdminParcelTemplateResponse,
  AdminParcelTemplatesResponse,
} from "../lib/types"
import { labelKeys } from "./labels"

/** Query keys for parcel templates. */
export const parcelTemplateKeys = {
  all: ["order-ops", "parcel-templates"] as const,
  list: () => [...parcelTemplateKeys.all, "list"] as const,
}

export function useParcelTemplates() {
  return useQuery({
    queryKey: parcelTemplateKeys.list(),
    queryFn: () => sdk.client.fetch<AdminParcelTemplatesResponse>(`/admin/parcel-templates`),
  })
}

/** The templates list, and the carrier drawer's defaults that carry the templates too. */
function useInvalidateParcelTemplates() {
  const client = useQueryClient()
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: parcelTemplateKeys.all }),
      client.invalidateQueries({ queryKey: [...labelKeys.all, "defaults"] }),
    ])
}

export function useCreateParcelTemplate() {
  const invalidate = useInvalidateParcelTemplates()
  return useMutation({
    mutationFn: (body: AdminParcelTemplateBody) =>
      sdk.client.fetch<AdminParcelTemplateResponse>(`/admin/parcel-templates`, { method: "POST", body }),
    onSuccess: invalidate,
  })
}

/** Only the fields that change; `{ is_default: true }` makes it the default (the server unsets the old one). */
export function useUpdateParcelTemplate() {
  const invalidate = useInvalidateParcelTemplates()
  return useMutation({
    mutationFn: ({ id, ...body }: Partial<AdminParcelTemplateBody> & { id: string }) =>
      sdk.client.fetch<AdminParcelTemplateResponse>(`/admin/parcel-templates/${id}`, { method: "POST", body }),
    onSuccess: invalidate,
  })
}

export function useDeleteParcelTemplate() {
  const invalidate = useInvalidateParcelTemplates()
  return useMutation({
    mutationFn: (id: string) =>
      sdk.client.fetch<AdminDeleteParcelTemplateResponse>(`/admin/parcel-templates/${id}`, { method: "DELETE" }),
    onSuccess: invalidate,
  })
}
