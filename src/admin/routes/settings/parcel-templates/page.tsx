import { defineRouteConfig } from "@medusajs/admin-sdk"
import { EllipsisHorizontal, PencilSquare, Plus, Star, Trash } from "@medusajs/icons"
import { Badge, Button, Container, DropdownMenu, Heading, IconButton, Table, Text, toast, usePrompt } from "@medusajs/ui"
import { useState } from "react"
import { ParcelTemplateDrawer } from "../../../components/parcel-templates/parcel-template-drawer"
import { useDeleteParcelTemplate, useParcelTemplates, useUpdateParcelTemplate } from "../../../hooks/parcel-templates"
import { errorMessage } from "../../../lib/errors"
import { formatDimensions, formatWeight } from "../../../lib/format"
import type { AdminParcelTemplate } from "../../../lib/types"

/**
 * Settings → Parcel templates: the named packages merchants pick when buying
 * a carrier label, and which one is preselected.
 */
const ParcelTemplatesPage = () => {
  const { data, isPending, isError, error, refetch } = useParcelTemplates()
  const update = useUpdateParcelTemplate()
  const remove = useDeleteParcelTemplate()
  const prompt = usePrompt()
  const [drawer, setDrawer] = useState<{ open: boolean; template: AdminParcelTemplate | null }>({
    open: false,
    template: null,
  })

  const onSetDefault = async (template: AdminParcelTemplate) => {
    try {
      await update.mutateAsync({ id: template.id, is_default: true })
      toast.success(`“${template.name}” is now the default package`)
    } catch (e) {
      toast.error(errorMessage(e))
    }
  }

  const onDelete = async (template: AdminParcelTemplate) => {
    const confirmed = await prompt({
      title: "Delete parcel template?",
      description: `“${template.name}” will no longer be offered when buying labels. Labels already bought keep their package.`,
      confirmText: "Delete",
      cancelText: "Keep it",
    })
    if (!confirmed) return
    try {
      await remove.mutateAsync(template.id)
      toast.success(`“${template.name}” deleted`)
    } catch (e) {
      toast.error(errorMessage(e))
    }
  }

  return (
    <Container className="divide-y p-0" data-testid="parcel-templates-page">
      <div className="flex items-center justify-between gap-x-4 px-6 py-4">
        <div className="flex flex-col gap-y-1">
          <Heading>Parcel templates</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            The packages you ship in. Pick one when buying a label instead of typing its size and weight.
          </Text>
        </div>
        <Button
          size="small"
          variant="secondary"
          onClick={() => setDrawer({ open: true, template: null })}
          data-testid="parcel-template-create"
        >
          <Plus />
          Create
        </Button>
      </div>

      {isPending ? (
        <div className="px-6 py-4" aria-busy="true">
          <Text size="small" className="text-ui-fg-muted">
            Loading parcel templates…
          </Text>
        </div>
      ) : isError ? (
        <div className="flex items-center justify-between gap-x-4 px-6 py-4">
          <Text size="small" className="text-ui-fg-error">
            Couldn't load parcel templates: {errorMessage(error)}
          </Text>
          <Button size="small" variant="secondary" onClick={() => refetch()}>
            Retry
          </Button>
        </div>
      ) : data.parcel_templates.length === 0 ? (
        <div className="flex flex-col items-center gap-y-2 px-6 py-10" data-testid="parcel-templates-empty">
          <Text size="small" weight="plus">
            No parcel templates yet
          </Text>
          <Text size="small" className="text-ui-fg-muted">
            Create one for each box or mailer you use.
          </Text>
        </div>
      ) : (
        <Table data-testid="parcel-templates-table">
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Name</Table.HeaderCell>
              <Table.HeaderCell>Dimensions (L × W × H)</Table.HeaderCell>
              <Table.HeaderCell>Weight</Table.HeaderCell>
              <Table.HeaderCell className="w-[1%]" />
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {data.parcel_templates.map((template) => (
              <Table.Row
                key={template.id}
                data-testid="parcel-template-row"
                data-template-id={template.id}
                data-default={template.is_default}
              >
                <Table.Cell>
                  <div className="flex items-center gap-x-2">
                    <span data-testid="parcel-template-name">{template.name}</span>
                    {template.is_default && (
                      <Badge size="2xsmall" color="blue" data-testid="parcel-template-default-badge">
                        Default
                      </Badge>
                    )}
                  </div>
                </Table.Cell>
                <Table.Cell className="tabular-nums" data-testid="parcel-template-dimensions">
                  {formatDimensions(template)}
                </Table.Cell>
                <Table.Cell className="tabular-nums" data-testid="parcel-template-weight">
                  {formatWeight(template)}
                </Table.Cell>
                <Table.Cell>
                  <DropdownMenu>
                    <DropdownMenu.Trigger asChild>
                      <IconButton
                        size="small"
                        variant="transparent"
                        aria-label={`Actions for ${template.name}`}
                        data-testid="parcel-template-actions"
                      >
                        <EllipsisHorizontal />
                      </IconButton>
                    </DropdownMenu.Trigger>
                    <DropdownMenu.Content align="end">
                      <DropdownMenu.Item className="gap-x-2" onClick={() => setDrawer({ open: true, template })}>
                        <PencilSquare className="text-ui-fg-subtle" />
                        Edit…
                      </DropdownMenu.Item>
                      {!template.is_default && (
                        <DropdownMenu.Item className="gap-x-2" onClick={() => void onSetDefault(template)}>
                          <Star className="text-ui-fg-subtle" />
                          Set as default
                        </DropdownMenu.Item>
                      )}
                      <DropdownMenu.Separator />
                      <DropdownMenu.Item className="gap-x-2" onClick={() => void onDelete(template)}>
                        <Trash className="text-ui-fg-subtle" />
                        Delete
                      </DropdownMenu.Item>
                    </DropdownMenu.Content>
                  </DropdownMenu>
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}

      <ParcelTemplateDrawer
        template={drawer.template}
        open={drawer.open}
        onOpenChange={(open) => setDrawer((d) => ({ ...d, open }))}
      />
    </Container>
  )
}

export const config = defineRouteConfig({
  label: "Parcel templates",
})

/** The dashboard's header shows this in its breadcrumb. */
export const handle = {
  breadcrumb: () => "Parcel templates",
}

export default ParcelTemplatesPage
