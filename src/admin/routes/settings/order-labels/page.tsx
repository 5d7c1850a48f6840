import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Badge, Button, Checkbox, Container, Heading, Input, Label, Select, Table, Text, toast, usePrompt } from "@medusajs/ui"
import { useState } from "react"
import { useDeleteOrderLabel, useOrderLabels, useSaveOrderLabel } from "../../../hooks/order-case"
import { errorMessage } from "../../../lib/errors"
import { LABEL_COLORS } from "../../../lib/order-case"

/** Settings → Order labels: the merchant's own order statuses ("Waiting for stock"), shown as badges. */
const OrderLabelsPage = () => {
  const { data, isPending, isError, error } = useOrderLabels()
  const save = useSaveOrderLabel()
  const remove = useDeleteOrderLabel()
  const prompt = usePrompt()
  const [name, setName] = useState("")
  const [color, setColor] = useState("grey")
  const [visible, setVisible] = useState(true)

  const onAdd = async () => {
    try {
      await save.mutateAsync({ name, color, customer_visible: visible })
      toast.success(`“${name.trim()}” added`)
      setName("")
    } catch (e) {
      toast.error(errorMessage(e))
    }
  }
  const onDelete = async (id: string, label: string) => {
    if (!(await prompt({ title: `Delete “${label}”?`, description: "Only labels no order carries can be deleted.", confirmText: "Delete", cancelText: "Keep it" }))) return
    try {
      await remove.mutateAsync(id)
      toast.success(`“${label}” deleted`)
    } catch (e) {
      toast.error(errorMessage(e))
    }
  }

  return (
    <Container className="divide-y p-0" data-testid="order-labels-page">
      <div className="flex flex-col gap-y-1 px-6 py-4">
        <Heading>Order labels</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Your own order statuses, set by hand on an order beside its fulfillment and payment status (which stay the truth).
        </Text>
      </div>
      <div className="flex flex-wrap items-end gap-2 px-6 py-4">
        <div className="flex flex-col gap-y-1">
          <Label size="small" htmlFor="order-label-name">Name</Label>
          <Input id="order-label-name" size="small" value={name} onChange={(e) => setName(e.target.value)} data-testid="order-label-name" />
        </div>
        <div className="flex flex-col gap-y-1">
          <Label size="small">Colour</Label>
          <Select value={color} onValueChange={setColor} size="small">
            <Select.Trigger className="w-[120px]"><Select.Value /></Select.Trigger>
            <Select.Content>
              {LABEL_COLORS.map((c) => <Select.Item key={c} value={c}>{c}</Select.Item>)}
            </Select.Content>
          </Select>
        </div>
        <div className="flex items-center gap-x-2 pb-1">
          <Checkbox id="order-label-visible" checked={visible} onCheckedChange={(v) => setVisible(v === true)} />
          <Label size="small" htmlFor="order-label-visible">Visible to the customer</Label>
        </div>
        <Button size="small" disabled={!name.trim()} isLoading={save.isPending} onClick={onAdd} data-testid="order-label-add">
          Add label
        </Button>
      </div>
      {isPending ? (
        <Text size="small" className="px-6 py-4 text-ui-fg-muted">Loading…</Text>
      ) : isError ? (
        <Text size="small" className="px-6 py-4 text-ui-fg-error">Couldn't load labels: {errorMessage(error)}</Text>
      ) : data.order_labels.length === 0 ? (
        <Text size="small" className="px-6 py-4 text-ui-fg-muted">No labels yet.</Text>
      ) : (
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Label</Table.HeaderCell>
              <Table.HeaderCell>Customer sees it</Table.HeaderCell>
              <Table.HeaderCell />
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {data.order_labels.map((l) => (
              <Table.Row key={l.id} data-testid="order-label-row">
                <Table.Cell><Badge size="small" color={l.color}>{l.name}</Badge></Table.Cell>
                <Table.Cell>{l.customer_visible ? "Yes" : "No"}</Table.Cell>
                <Table.Cell className="text-right">
                  <Button size="small" variant="transparent" onClick={() => onDelete(l.id, l.name)}>Delete</Button>
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </Container>
  )
}

export const config = defineRouteConfig({ label: "Order labels" })

export default OrderLabelsPage
