import { defineRouteConfig } from "@medusajs/admin-sdk"
import { EllipsisHorizontal, Key, PencilSquare, Plus, Trash } from "@medusajs/icons"
import { Badge, Button, Container, DropdownMenu, Heading, IconButton, Table, Text, toast, usePrompt } from "@medusajs/ui"
import { useState } from "react"
import { LicensePoolCodesDrawer } from "../../../components/digital-delivery/license-pool-codes-drawer"
import { LicensePoolDrawer } from "../../../components/digital-delivery/license-pool-drawer"
import { useDeleteLicensePool, useLicensePools } from "../../../hooks/digital-delivery"
import type { AdminLicensePool } from "../../../lib/digital-delivery"
import { errorMessage } from "../../../lib/errors"

/**
 * Settings → License pools: the codes that "License code" delivery products
 * hand out, how many are left, and importing more.
 */
const LicensePoolsPage = () => {
  const { data, isPending, isError, error, refetch } = useLicensePools()
  const remove = useDeleteLicensePool()
  const prompt = usePrompt()
  const [editing, setEditing] = useState<{ open: boolean; pool: AdminLicensePool | null }>({ open: false, pool: null })
  const [detailId, setDetailId] = useState<string | null>(null)
  // The detail drawer reads the pool from the list so its counts follow imports.
  const detail = data?.license_pools.find((p) => p.id === detailId) ?? null

  const onDelete = async (pool: AdminLicensePool) => {
    const confirmed = await prompt({
      title: "Delete license pool?",
      description: `“${pool.name}” and its ${pool.counts.available} available codes will be deleted. Codes already given to customers stay on their orders.`,
      confirmText: "Delete",
      cancelText: "Keep it",
    })
    if (!confirmed) return
    try {
      await remove.mutateAsync(pool.id)
      toast.success(`“${pool.name}” deleted`)
    } catch (e) {
      toast.error(errorMessage(e))
    }
  }

  return (
    <Container className="divide-y p-0" data-testid="license-pools-page">
      <div className="flex items-center justify-between gap-x-4 px-6 py-4">
        <div className="flex flex-col gap-y-1">
          <Heading>License pools</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Codes handed out one per unit by “License code” delivery products.
          </Text>
        </div>
        <Button size="small" variant="secondary" onClick={() => setEditing({ open: true, pool: null })} data-testid="license-pool-create">
          <Plus />
          Create
        </Button>
      </div>

      {isPending ? (
        <div className="px-6 py-4" aria-busy="true">
          <Text size="small" className="text-ui-fg-muted">
            Loading license pools…
          </Text>
        </div>
      ) : isError ? (
        <div className="flex items-center justify-between gap-x-4 px-6 py-4">
          <Text size="small" className="text-ui-fg-error">
            Couldn't load license pools: {errorMessage(error)}
          </Text>
          <Button size="small" variant="secondary" onClick={() => refetch()}>
            Retry
          </Button>
        </div>
      ) : data.license_pools.length === 0 ? (
        <div className="flex flex-col items-center gap-y-2 px-6 py-10" data-testid="license-pools-empty">
          <Text size="small" weight="plus">
            No license pools yet
          </Text>
          <Text size="small" className="text-ui-fg-muted">
            Create a pool, then import its codes.
          </Text>
        </div>
      ) : (
        <Table data-testid="license-pools-table">
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Name</Table.HeaderCell>
              <Table.HeaderCell className="text-right">Available</Table.HeaderCell>
              <Table.HeaderCell className="text-right">Assigned</Table.HeaderCell>
              <Table.HeaderCell className="text-right">Revoked</Table.HeaderCell>
              <Table.HeaderCell className="w-[1%]" />
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {data.license_pools.map((pool) => {
              const low = pool.counts.available < pool.low_stock_threshold
              return (
                <Table.Row
                  key={pool.id}
                  className="cursor-pointer"
                  onClick={() => setDetailId(pool.id)}
                  data-testid="license-pool-row"
                  data-pool-id={pool.id}
                  data-low-stock={low}
                >
                  <Table.Cell>
                    <div className="flex items-center gap-x-2">
                      <span data-testid="license-pool-name-cell">{pool.name}</span>
                      {low && (
                        <Badge size="2xsmall" color="orange" title={`Fewer than ${pool.low_stock_threshold} available`} data-testid="license-pool-low-stock">
                          Low stock
                        </Badge>
                      )}
                    </div>
                  </Table.Cell>
                  <Table.Cell className="text-right tabular-nums" data-testid="license-pool-available-count">
                    {pool.counts.available}
                  </Table.Cell>
                  <Table.Cell className="text-right tabular-nums" data-testid="license-pool-assigned-count">
                    {pool.counts.assigned}
                  </Table.Cell>
                  <Table.Cell className="text-right tabular-nums" data-testid="license-pool-revoked-count">
                    {pool.counts.revoked}
                  </Table.Cell>
                  <Table.Cell onClick={(e) => e.stopPropagation()}>
                    <DropdownMenu>
                      <DropdownMenu.Trigger asChild>
                        <IconButton size="small" variant="transparent" aria-label={`Actions for ${pool.name}`} data-testid="license-pool-actions">
                          <EllipsisHorizontal />
                        </IconButton>
                      </DropdownMenu.Trigger>
                      <DropdownMenu.Content align="end">
                        <DropdownMenu.Item className="gap-x-2" onClick={() => setDetailId(pool.id)}>
                          <Key className="text-ui-fg-subtle" />
                          Codes…
                        </DropdownMenu.Item>
                        <DropdownMenu.Item className="gap-x-2" onClick={() => setEditing({ open: true, pool })}>
                          <PencilSquare className="text-ui-fg-subtle" />
                          Edit…
                        </DropdownMenu.Item>
                        <DropdownMenu.Separator />
                        <DropdownMenu.Item className="gap-x-2" onClick={() => void onDelete(pool)}>
                          <Trash className="text-ui-fg-subtle" />
                          Delete
                        </DropdownMenu.Item>
                      </DropdownMenu.Content>
                    </DropdownMenu>
                  </Table.Cell>
                </Table.Row>
              )
            })}
          </Table.Body>
        </Table>
      )}

      <LicensePoolDrawer
        pool={editing.pool}
        open={editing.open}
        onOpenChange={(open) => setEditing((d) => ({ ...d, open }))}
        onSaved={(saved) => {
          // A new pool has no codes: go straight to importing them.
          if (!editing.pool) setDetailId(saved.id)
        }}
      />
      <LicensePoolCodesDrawer pool={detail} onOpenChange={(open) => !open && setDetailId(null)} />
    </Container>
  )
}

export const config = defineRouteConfig({
  label: "License pools",
})

/** The dashboard's header shows this in its breadcrumb. */
export const handle = {
  breadcrumb: () => "License pools",
}

export default LicensePoolsPage
