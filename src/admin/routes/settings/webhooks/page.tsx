import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Badge, Button, Checkbox, Container, Heading, Input, Label, Table, Text, toast, usePrompt } from "@medusajs/ui"
import { useState } from "react"
import {
  useCreateWebhookEndpoint,
  useDeleteWebhookEndpoint,
  useReplayWebhookDeliveries,
  useResendWebhookDelivery,
  useSendTestWebhook,
  useUpdateWebhookEndpoint,
  useWebhookDeliveries,
  useWebhookEndpoints,
  useWebhookEventTypes,
} from "../../../hooks/webhooks"
import { errorMessage } from "../../../lib/errors"
import type { WebhookEndpointDTO } from "../../../../types/webhooks"

const statusColor = { succeeded: "green", failed: "red", pending: "orange" } as const

/** A new endpoint: URL, description, events, test orders. */
const CreateEndpointForm = ({ onSecret }: { onSecret: (secret: string) => void }) => {
  const types = useWebhookEventTypes()
  const create = useCreateWebhookEndpoint()
  const [url, setUrl] = useState("")
  const [description, setDescription] = useState("")
  const [events, setEvents] = useState<string[]>(["order.received"])
  const [includeTest, setIncludeTest] = useState(false)
  const subscribable = (types.data?.event_types ?? []).filter((t) => t.type !== "webhook.test")

  const submit = async () => {
    try {
      const { secret } = await create.mutateAsync({ url, description: description || null, events, include_test_orders: includeTest })
      onSecret(secret ?? "")
      setUrl("")
      setDescription("")
      toast.success("Endpoint added")
    } catch (e) {
      toast.error(errorMessage(e))
    }
  }

  return (
    <div className="flex flex-col gap-y-3 px-6 py-4" data-testid="webhook-create-form">
      <div className="grid grid-cols-2 gap-3">
        <div className="flex flex-col gap-y-1">
          <Label htmlFor="webhook-url">URL</Label>
          <Input id="webhook-url" placeholder="https://pos.example.com/hooks" value={url} onChange={(e) => setUrl(e.target.value)} />
        </div>
        <div className="flex flex-col gap-y-1">
          <Label htmlFor="webhook-description">Description</Label>
          <Input id="webhook-description" value={description} onChange={(e) => setDescription(e.target.value)} />
        </div>
      </div>
      <div className="flex flex-wrap gap-x-4 gap-y-2">
        {subscribable.map((t) => (
          <div key={t.type} className="flex items-center gap-x-2" title={t.description}>
            <Checkbox
              id={`event-${t.type}`}
              checked={events.includes(t.type)}
              onCheckedChange={(v) => setEvents((cur) => (v ? [...cur, t.type] : cur.filter((x) => x !== t.type)))}
            />
            <Label htmlFor={`event-${t.type}`} size="small">
              {t.type}
            </Label>
          </div>
        ))}
      </div>
      <div className="flex items-center justify-between">
        <div className="flex items-center gap-x-2">
          <Checkbox id="webhook-include-test" checked={includeTest} onCheckedChange={(v) => setIncludeTest(!!v)} />
          <Label htmlFor="webhook-include-test" size="small">
            Also send test orders' events (flagged is_test)
          </Label>
        </div>
        <Button size="small" onClick={submit} isLoading={create.isPending} disabled={!url || !events.length} data-testid="webhook-create">
          Add endpoint
        </Button>
      </div>
    </div>
  )
}

/** One endpoint's delivery log with Resend, Replay and Send test event. */
const DeliveryLog = ({ endpoint }: { endpoint: WebhookEndpointDTO }) => {
  const log = useWebhookDeliveries(endpoint.id)
  const test = useSendTestWebhook()
  const resend = useResendWebhookDelivery()
  const replay = useReplayWebhookDeliveries()
  const [since, setSince] = useState("")

  const run = async (fn: () => Promise<unknown>, message: string) => {
    try {
      await fn()
      toast.success(message)
    } catch (e) {
      toast.error(errorMessage(e))
    }
  }

  return (
    <div className="flex flex-col gap-y-3 px-6 py-4" data-testid="webhook-delivery-log">
      <div className="flex items-center justify-between gap-x-3">
        <Heading level="h3">Delivery log · {endpoint.url}</Heading>
        <div className="flex items-center gap-x-2">
          <Input type="datetime-local" size="small" value={since} onChange={(e) => setSince(e.target.value)} aria-label="Replay failed since" />
          <Button
            size="small"
            variant="secondary"
            disabled={!since}
            onClick={() => run(() => replay.mutateAsync({ endpointId: endpoint.id, since: new Date(since).toISOString() }), "Failed deliveries queued again")}
          >
            Replay failed
          </Button>
          <Button size="small" variant="secondary" onClick={() => run(() => test.mutateAsync(endpoint.id), "Test event queued")} data-testid="webhook-send-test">
            Send test event
          </Button>
        </div>
      </div>
      {log.isPending ? (
        <Text size="small">Loading deliveries…</Text>
      ) : log.isError ? (
        <Text size="small" className="text-ui-fg-error">
          Couldn't load deliveries: {errorMessage(log.error)}
        </Text>
      ) : !log.data.deliveries.length ? (
        <Text size="small" className="text-ui-fg-muted">
          Nothing sent yet.
        </Text>
      ) : (
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Time</Table.HeaderCell>
              <Table.HeaderCell>Event</Table.HeaderCell>
              <Table.HeaderCell>Status</Table.HeaderCell>
              <Table.HeaderCell>Attempts</Table.HeaderCell>
              <Table.HeaderCell>Last answer</Table.HeaderCell>
              <Table.HeaderCell />
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {log.data.deliveries.map((d) => {
              const last = d.attempts?.[d.attempts.length - 1]
              return (
                <Table.Row key={d.id} data-testid="webhook-delivery-row">
                  <Table.Cell>{new Date(d.created_at).toLocaleString()}</Table.Cell>
                  <Table.Cell>
                    <Text size="small">{d.event_type}</Text>
                    <Text size="xsmall" className="text-ui-fg-muted">
                      {d.id}
                    </Text>
                  </Table.Cell>
                  <Table.Cell>
                    <Badge size="2xsmall" color={statusColor[d.status]}>
                      {d.status}
                    </Badge>
                  </Table.Cell>
                  <Table.Cell data-testid="webhook-delivery-attempts">{d.attempt_count}</Table.Cell>
                  <Table.Cell>
                    {last ? `${last.status_code ?? "no answer"} · ${last.duration_ms} ms${last.error ? ` · ${last.error}` : ""}` : "—"}
                    {last?.response_body ? (
                      <Text size="xsmall" className="text-ui-fg-muted">
                        {last.response_body}
                      </Text>
                    ) : null}
                  </Table.Cell>
                  <Table.Cell>
                    {d.status !== "pending" && (
                      <Button
                        size="small"
                        variant="transparent"
                        data-testid="webhook-resend"
                        onClick={() => run(() => resend.mutateAsync({ endpointId: endpoint.id, deliveryId: d.id }), "Queued again")}
                      >
                        Resend
                      </Button>
                    )}
                  </Table.Cell>
                </Table.Row>
              )
            })}
          </Table.Body>
        </Table>
      )}
    </div>
  )
}

/**
 * Settings → Webhooks: endpoints that receive signed order events (Standard
 * Webhooks), their secrets (shown once), and each one's delivery log.
 */
const WebhooksPage = () => {
  const { data, isPending, isError, error } = useWebhookEndpoints()
  const update = useUpdateWebhookEndpoint()
  const remove = useDeleteWebhookEndpoint()
  const prompt = usePrompt()
  const [secret, setSecret] = useState<string | null>(null)
  const [selected, setSelected] = useState<string | null>(null)
  const endpoints = data?.webhook_endpoints ?? []
  const current = endpoints.find((e) => e.id === selected) ?? null

  const rotate = async (e: WebhookEndpointDTO) => {
    const ok = await prompt({
      title: "Rotate the signing secret?",
      description: "The old secret keeps signing beside the new one for a while, so your receiver can switch without losing a message.",
      confirmText: "Rotate",
      cancelText: "Cancel",
    })
    if (!ok) return
    try {
      const res = await update.mutateAsync({ id: e.id, rotate_secret: true })
      setSecret(res.secret)
    } catch (err) {
      toast.error(errorMessage(err))
    }
  }
  const toggle = async (e: WebhookEndpointDTO) => {
    try {
      await update.mutateAsync({ id: e.id, enabled: !e.enabled })
    } catch (err) {
      toast.error(errorMessage(err))
    }
  }
  const del = async (e: WebhookEndpointDTO) => {
    if (!(await prompt({ title: "Delete endpoint?", description: e.url, confirmText: "Delete", cancelText: "Keep it" }))) return
    try {
      await remove.mutateAsync(e.id)
      if (selected === e.id) setSelected(null)
    } catch (err) {
      toast.error(errorMessage(err))
    }
  }

  return (
    <Container className="divide-y p-0" data-testid="webhooks-page">
      <div className="flex flex-col gap-y-1 px-6 py-4">
        <Heading>Webhooks</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Send signed order events to your POS, accounting or ERP. Verify them with any Standard Webhooks library.
        </Text>
      </div>
      <CreateEndpointForm onSecret={setSecret} />
      {secret && (
        <div className="flex flex-col gap-y-1 px-6 py-4" data-testid="webhook-secret">
          <Text size="small" weight="plus">
            Signing secret — copy it now, it is not shown again:
          </Text>
          <code className="break-all text-ui-fg-base">{secret}</code>
          <div>
            <Button size="small" variant="secondary" onClick={() => setSecret(null)}>
              Done
            </Button>
          </div>
        </div>
      )}
      {isPending ? (
        <Text size="small" className="px-6 py-4">
          Loading endpoints…
        </Text>
      ) : isError ? (
        <Text size="small" className="px-6 py-4 text-ui-fg-error">
          Couldn't load endpoints: {errorMessage(error)}
        </Text>
      ) : !endpoints.length ? (
        <Text size="small" className="px-6 py-4 text-ui-fg-muted">
          No endpoints yet.
        </Text>
      ) : (
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>URL</Table.HeaderCell>
              <Table.HeaderCell>Events</Table.HeaderCell>
              <Table.HeaderCell>Status</Table.HeaderCell>
              <Table.HeaderCell />
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {endpoints.map((e) => (
              <Table.Row key={e.id} data-testid="webhook-endpoint-row">
                <Table.Cell>
                  <Text size="small">{e.url}</Text>
                  {e.description && (
                    <Text size="xsmall" className="text-ui-fg-muted">
                      {e.description}
                    </Text>
                  )}
                </Table.Cell>
                <Table.Cell>{e.events.join(", ")}</Table.Cell>
                <Table.Cell>
                  <Badge size="2xsmall" color={e.enabled ? "green" : "grey"}>
                    {e.enabled ? "Enabled" : "Disabled"}
                  </Badge>
                  {e.disabled_reason && (
                    <Text size="xsmall" className="text-ui-fg-error">
                      {e.disabled_reason}
                    </Text>
                  )}
                </Table.Cell>
                <Table.Cell>
                  <div className="flex gap-x-1">
                    <Button size="small" variant="secondary" onClick={() => setSelected(e.id)} data-testid="webhook-open-log">
                      Log
                    </Button>
                    <Button size="small" variant="transparent" onClick={() => toggle(e)}>
                      {e.enabled ? "Disable" : "Enable"}
                    </Button>
                    <Button size="small" variant="transparent" onClick={() => rotate(e)}>
                      Rotate secret
                    </Button>
                    <Button size="small" variant="transparent" onClick={() => del(e)}>
                      Delete
                    </Button>
                  </div>
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
      {current && <DeliveryLog endpoint={current} />}
    </Container>
  )
}

export const config = defineRouteConfig({
  label: "Webhooks",
})

/** The dashboard's header shows this in its breadcrumb. */
export const handle = {
  breadcrumb: () => "Webhooks",
}

export default WebhooksPage
