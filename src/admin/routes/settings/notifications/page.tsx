import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Button, Container, Heading, Input, Switch, Table, Text, Textarea, toast } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { useNotificationSettings, useSaveNotificationSettings } from "../../../hooks/webhooks"
import { errorMessage } from "../../../lib/errors"
import type { NotificationSettingsDTO } from "../../../../types/webhooks"

/**
 * Settings → Notifications: every customer email the plugin sends (on/off
 * and template id) and the staff alerts with their recipients.
 */
const NotificationsPage = () => {
  const { data, isPending, isError, error } = useNotificationSettings()
  const save = useSaveNotificationSettings()
  const [draft, setDraft] = useState<NotificationSettingsDTO | null>(null)
  useEffect(() => {
    if (data) setDraft(data.settings)
  }, [data])

  const submit = async () => {
    if (!draft) return
    try {
      await save.mutateAsync({
        customer: Object.fromEntries(Object.entries(draft.customer).map(([k, v]) => [k, { enabled: v.enabled, template: v.template }])),
        staff: Object.fromEntries(
          Object.entries(draft.staff).map(([k, v]) => [k, { enabled: v.enabled, template: v.template, recipients: v.recipients.map((x) => x.trim()).filter(Boolean) }])
        ),
      } as unknown as Partial<NotificationSettingsDTO>)
      toast.success("Notification settings saved")
    } catch (e) {
      toast.error(errorMessage(e))
    }
  }

  if (isPending || !draft) {
    return (
      <Container>
        <Text size="small">{isError ? `Couldn't load settings: ${errorMessage(error)}` : "Loading…"}</Text>
      </Container>
    )
  }

  return (
    <Container className="divide-y p-0" data-testid="notifications-page">
      <div className="flex items-center justify-between px-6 py-4">
        <div className="flex flex-col gap-y-1">
          <Heading>Notifications</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Which emails customers and staff get, and the template each uses in your notification provider.
          </Text>
        </div>
        <Button size="small" onClick={submit} isLoading={save.isPending} data-testid="notifications-save">
          Save
        </Button>
      </div>
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>Customer email</Table.HeaderCell>
            <Table.HeaderCell>On</Table.HeaderCell>
            <Table.HeaderCell>Template id</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {Object.entries(draft.customer).map(([kind, s]) => (
            <Table.Row key={kind}>
              <Table.Cell>{s.label}</Table.Cell>
              <Table.Cell>
                <Switch
                  aria-label={`${s.label} on`}
                  checked={s.enabled}
                  onCheckedChange={(v) => setDraft({ ...draft, customer: { ...draft.customer, [kind]: { ...s, enabled: v } } })}
                />
              </Table.Cell>
              <Table.Cell>
                <Input
                  size="small"
                  value={s.template}
                  onChange={(e) => setDraft({ ...draft, customer: { ...draft.customer, [kind]: { ...s, template: e.target.value } } })}
                />
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>Staff alert</Table.HeaderCell>
            <Table.HeaderCell>On</Table.HeaderCell>
            <Table.HeaderCell>Recipients (one per line)</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {Object.entries(draft.staff).map(([kind, s]) => (
            <Table.Row key={kind}>
              <Table.Cell>{s.label}</Table.Cell>
              <Table.Cell>
                <Switch
                  aria-label={`${s.label} on`}
                  checked={s.enabled}
                  onCheckedChange={(v) => setDraft({ ...draft, staff: { ...draft.staff, [kind]: { ...s, enabled: v } } })}
                />
              </Table.Cell>
              <Table.Cell>
                <Textarea
                  rows={2}
                  value={s.recipients.join("\n")}
                  onChange={(e) =>
                    setDraft({
                      ...draft,
                      staff: { ...draft.staff, [kind]: { ...s, recipients: e.target.value.split("\n") } },
                    })
                  }
                />
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </Container>
  )
}

export const config = defineRouteConfig({
  label: "Notifications",
})

/** The dashboard's header shows this in its breadcrumb. */
export const handle = {
  breadcrumb: () => "Notifications",
}

export default NotificationsPage
