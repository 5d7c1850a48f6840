import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { Badge, Button, Container, Heading, Text } from "@medusajs/ui"
import { useDeliveryMethods } from "../hooks/digital-delivery"
import { useOrderTimeline } from "../hooks/order-timeline"
import { describeActor, describeTimelineEntry, formatDateTime, formatRelative } from "../lib/format"
import type { AdminTimelineEntry } from "../lib/types"

function dotColor(entry: AdminTimelineEntry): string {
  if (entry.kind.endsWith("canceled") || entry.kind.endsWith("declined")) return "bg-ui-tag-red-icon"
  if (entry.kind.startsWith("note.")) return "bg-ui-tag-blue-icon"
  if (entry.kind.startsWith("payment.")) return "bg-ui-tag-green-icon"
  return "bg-ui-tag-neutral-icon"
}

function TimelineItem({ entry }: { entry: AdminTimelineEntry }) {
  const methods = useDeliveryMethods()
  const { title, detail } = describeTimelineEntry(entry, { deliveryMethods: methods.data?.delivery_methods })
  return (
    <li data-testid="timeline-entry" data-kind={entry.kind} className="relative flex gap-x-3 pb-4 last:pb-0">
      <div className="flex flex-col items-center">
        <span className={`mt-1.5 size-2 shrink-0 rounded-full ${dotColor(entry)}`} />
        <span className="bg-ui-border-base mt-1 w-px flex-1" />
      </div>
      <div className="flex min-w-0 flex-1 flex-col">
        <Text size="small" weight="plus" className="text-ui-fg-base">
          {title}
        </Text>
        {detail && (
          <Text size="small" className="line-clamp-3 break-words text-ui-fg-subtle" data-testid="timeline-entry-detail">
            {detail}
          </Text>
        )}
        <Text size="xsmall" className="text-ui-fg-muted" title={formatDateTime(entry.occurred_at)}>
          {describeActor(entry.actor)} · {formatRelative(entry.occurred_at)}
        </Text>
      </div>
    </li>
  )
}

/** The order's timeline: Medusa's history and the plugin's activity, newest first. */
const OrderTimelineWidget = ({ data: order }: DetailWidgetProps<AdminOrder>) => {
  const { data, isPending, isError, error, refetch, fetchNextPage, hasNextPage, isFetchingNextPage } =
    useOrderTimeline(order.id)
  const entries = data?.pages.flatMap((page) => page.timeline) ?? []
  const count = data?.pages[0]?.count ?? 0

  return (
    <Container className="divide-y p-0" data-testid="order-timeline-widget">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">Timeline</Heading>
        {count > 0 && (
          <Badge size="2xsmall" color="grey">
            {count}
          </Badge>
        )}
      </div>
      <div className="px-6 py-4">
        {isPending ? (
          <Text size="small" className="text-ui-fg-muted" aria-busy="true">
            Loading timeline…
          </Text>
        ) : isError ? (
          <div className="flex flex-col gap-y-2">
            <Text size="small" className="text-ui-fg-error">
              Couldn't load the timeline: {error instanceof Error ? error.message : "unknown error"}
            </Text>
            <Button size="small" variant="secondary" onClick={() => refetch()}>
              Retry
            </Button>
          </div>
        ) : entries.length === 0 ? (
          <Text size="small" className="text-ui-fg-muted">
            Nothing has happened yet.
          </Text>
        ) : (
          <>
            <ul data-testid="order-timeline">
              {entries.map((entry) => (
                <TimelineItem key={entry.id} entry={entry} />
              ))}
            </ul>
            {hasNextPage && (
              <Button
                size="small"
                variant="secondary"
                className="mt-4 w-full"
                isLoading={isFetchingNextPage}
                onClick={() => fetchNextPage()}
              >
                Show older
              </Button>
            )}
          </>
        )}
      </div>
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "order.details.side.after",
})

export default OrderTimelineWidget
