import { ArrowPath, CheckCircle, ExclamationCircle, TriangleDownMini, TriangleRightMini } from "@medusajs/icons"
import { Badge, Button, Copy, StatusBadge, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { useCloseOwedRevoke, useDeliveryMethods, useMarkDeliveryDelivered, useRetryDelivery } from "../../hooks/digital-delivery"
import {
  ATTEMPT_KIND,
  RETRYABLE,
  attemptOutcomeLook,
  deliveryMethodLabel,
  deliveryStatusLook,
  licenseCodeStatusLook,
  type AdminDelivery,
  type AdminDeliveryAttempt,
  type AdminDeliveryDownload,
} from "../../lib/digital-delivery"
import { errorMessage } from "../../lib/errors"
import { formatDateTime, formatDuration, formatRelative } from "../../lib/format"
import { DeliveryStatusBadge } from "./delivery-status-badge"
import { NotesDrawer } from "./notes-drawer"

const summary = (value: unknown) => (value == null ? "" : JSON.stringify(value, null, 2))

function AttemptRow({ attempt }: { attempt: AdminDeliveryAttempt }) {
  const look = attemptOutcomeLook(attempt.outcome)
  const request = summary(attempt.request)
  const response = summary(attempt.response)
  return (
    <li className="flex flex-col gap-y-1 py-2" data-testid="delivery-attempt" data-outcome={attempt.outcome}>
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
        <Text size="xsmall" className="text-ui-fg-muted tabular-nums" title={formatDateTime(attempt.created_at)}>
          {formatDateTime(attempt.created_at)}
        </Text>
        <Text size="xsmall" weight="plus">
          {(ATTEMPT_KIND as Record<string, string>)[attempt.kind] ?? attempt.kind}
          {attempt.kind === "deliver" && attempt.attempt ? ` #${attempt.attempt}` : ""}
        </Text>
        <Badge size="2xsmall" color={look.color} data-testid="delivery-attempt-outcome">
          {look.label}
        </Badge>
        {attempt.duration_ms != null && (
          <Text size="xsmall" className="text-ui-fg-muted tabular-nums">
            {formatDuration(attempt.duration_ms)}
          </Text>
        )}
      </div>
      {attempt.message && (
        <Text size="small" className="text-ui-fg-subtle break-words" data-testid="delivery-attempt-message">
          {attempt.message}
        </Text>
      )}
      {(request || response) && (
        <details className="group">
          <summary className="text-ui-fg-muted txt-compact-xsmall cursor-pointer select-none">Request and response</summary>
          <div className="mt-1 grid gap-2 md:grid-cols-2">
            {request && (
              <div className="flex flex-col gap-y-1">
                <Text size="xsmall" className="text-ui-fg-muted">
                  Request
                </Text>
                <pre className="bg-ui-bg-subtle text-ui-fg-subtle txt-compact-xsmall max-h-64 overflow-auto whitespace-pre-wrap break-all rounded-md p-2 font-mono">
                  {request}
                </pre>
              </div>
            )}
            {response && (
              <div className="flex flex-col gap-y-1">
                <Text size="xsmall" className="text-ui-fg-muted">
                  Response
                </Text>
                <pre className="bg-ui-bg-subtle text-ui-fg-subtle txt-compact-xsmall max-h-64 overflow-auto whitespace-pre-wrap break-all rounded-md p-2 font-mono">
                  {response}
                </pre>
              </div>
            )}
          </div>
        </details>
      )}
    </li>
  )
}

function DownloadRow({ download }: { download: AdminDeliveryDownload }) {
  const expired = new Date(download.expires_at).getTime() < Date.now()
  return (
    <li className="flex flex-wrap items-center gap-x-2 gap-y-1" data-testid="delivery-download">
      <Text size="small" className="break-all">
        {download.filename}
      </Text>
      <Text size="xsmall" className="text-ui-fg-muted tabular-nums" data-testid="delivery-download-remaining">
        {download.remaining_downloads}/{download.max_downloads} downloads left
      </Text>
      <Text size="xsmall" className="text-ui-fg-muted">
        · {expired ? "expired" : "expires"} {formatDateTime(download.expires_at)}
      </Text>
      {download.revoked_at ? (
        <Badge size="2xsmall" color="grey">
          Revoked
        </Badge>
      ) : expired ? (
        <Badge size="2xsmall" color="orange">
          Expired
        </Badge>
      ) : download.remaining_downloads <= 0 ? (
        <Badge size="2xsmall" color="orange">
          Used up
        </Badge>
      ) : null}
    </li>
  )
}

/** One delivery: what, how, where it stands, its codes and links, its attempt log, and what staff can do. */
export function DeliveryCard({
  delivery,
  orderId,
  variantTitle,
}: {
  delivery: AdminDelivery
  orderId: string
  /** The ordered variant's title, when the product has several (EPUB, PDF…). */
  variantTitle?: string | null
}) {
  const [showLog, setShowLog] = useState(false)
  const [marking, setMarking] = useState(false)
  const retry = useRetryDelivery(orderId)
  const mark = useMarkDeliveryDelivered(orderId)
  const closeRevoke = useCloseOwedRevoke(orderId)
  const methods = useDeliveryMethods()
  const revokeOpen = delivery.status === "revoked" && Boolean(delivery.revoke_next_at || delivery.outcome_unknown || delivery.last_error)
  const canRetry = RETRYABLE.includes(delivery.status)
  const canMark = RETRYABLE.includes(delivery.status)
  const codes = [
    ...delivery.codes.map((c) => ({ code: c.code, status: c.status as string, assigned_at: c.assigned_at })),
    ...(delivery.redemption_code ? [{ code: delivery.redemption_code, status: "redemption", assigned_at: delivery.delivered_at }] : []),
  ]

  const onRetry = async () => {
    try {
      const { delivery: next } = await retry.mutateAsync(delivery.id)
      if (next.status === "delivered") toast.success(`${delivery.title} delivered`)
      else toast.info(`${delivery.title}: ${deliveryStatusLook(next.status).label}${next.last_error ? ` — ${next.last_error}` : ""}`)
    } catch (e) {
      toast.error(errorMessage(e))
    }
  }

  return (
    <li
      className="flex flex-col gap-y-3 px-6 py-4"
      data-testid="delivery"
      data-delivery-id={delivery.id}
      data-status={delivery.status}
      data-method={delivery.method}
    >
      <div className="flex flex-wrap items-start justify-between gap-x-4 gap-y-2">
        <div className="flex min-w-0 flex-col gap-y-1">
          <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
            <Text size="small" weight="plus" data-testid="delivery-title">
              {delivery.title}
              {variantTitle && variantTitle !== delivery.title ? ` · ${variantTitle}` : ""} × {delivery.quantity}
            </Text>
            <DeliveryStatusBadge status={delivery.status} label={delivery.status_label} testId="delivery-status" />
            {delivery.is_dry_run && (
              <Badge size="2xsmall" color="purple" data-testid="delivery-dry-run">
                Dry run
              </Badge>
            )}
          </div>
          <Text size="xsmall" className="text-ui-fg-subtle" data-testid="delivery-method">
            {deliveryMethodLabel(delivery.method, methods.data?.delivery_methods)}
            {delivery.attempts > 0 ? ` · ${delivery.attempts} attempt${delivery.attempts === 1 ? "" : "s"}` : ""}
            {delivery.delivered_at ? ` · delivered ${formatDateTime(delivery.delivered_at)}` : ""}
            {delivery.revoked_at ? ` · revoked ${formatDateTime(delivery.revoked_at)}` : ""}
          </Text>
        </div>
        {(canRetry || canMark) && (
          <div className="flex items-center gap-x-2">
            {canRetry && (
              <Button
                size="small"
                variant="secondary"
                isLoading={retry.isPending}
                onClick={() => void onRetry()}
                data-testid="delivery-retry"
              >
                <ArrowPath />
                Retry now
              </Button>
            )}
            {canMark && (
              <Button size="small" variant="secondary" onClick={() => setMarking(true)} data-testid="delivery-mark-delivered">
                <CheckCircle />
                Mark as delivered
              </Button>
            )}
          </div>
        )}
      </div>

      {delivery.outcome_unknown && (
        <div
          className="bg-ui-tag-orange-bg text-ui-tag-orange-text flex items-start gap-x-2 rounded-md px-3 py-2"
          data-testid="delivery-outcome-unknown"
        >
          <ExclamationCircle className="mt-0.5 shrink-0" />
          <Text size="small">
            Outcome unknown — check before retrying. The last attempt may have been carried out on the other side.
          </Text>
        </div>
      )}
      {delivery.last_error && delivery.status !== "delivered" && (
        <Text size="small" className="text-ui-fg-error break-words" data-testid="delivery-last-error">
          {delivery.last_error}
        </Text>
      )}
      {revokeOpen && (
        <div className="flex items-center justify-between gap-x-2" data-testid="delivery-revoke-owed">
          <Text size="xsmall" className="text-ui-fg-muted">
            {delivery.revoke_next_at ? `Revoke tried again ${formatRelative(delivery.revoke_next_at)}` : "Revoke needs a person"}
          </Text>
          <Button
            size="small"
            variant="secondary"
            isLoading={closeRevoke.isPending}
            onClick={() =>
              closeRevoke.mutate(delivery.id, {
                onSuccess: () => toast.success(`${delivery.title}: revoke closed`),
                onError: (e) => toast.error(e.message),
              })
            }
            data-testid="delivery-close-revoke"
          >
            Close revoke
          </Button>
        </div>
      )}
      {delivery.next_attempt_at && delivery.status !== "delivered" && (
        <Text size="xsmall" className="text-ui-fg-muted" data-testid="delivery-next-attempt" title={formatDateTime(delivery.next_attempt_at)}>
          Next attempt {formatRelative(delivery.next_attempt_at)}
        </Text>
      )}

      {codes.length > 0 && (
        <ul className="flex flex-col gap-y-1" data-testid="delivery-codes">
          {codes.map((c) => {
            const look = c.status === "redemption" ? null : licenseCodeStatusLook(c.status)
            return (
              <li key={`${c.status}:${c.code}`} className="flex items-center gap-x-2" data-testid="delivery-code">
                <code className="bg-ui-bg-subtle txt-compact-small rounded px-1.5 py-0.5 font-mono" data-testid="delivery-code-value">
                  {c.code}
                </code>
                <Copy content={c.code} aria-label={`Copy ${c.code}`} className="text-ui-fg-muted" />
                {look ? (
                  <StatusBadge color={look.color} className="text-nowrap">
                    {look.label}
                  </StatusBadge>
                ) : (
                  <Text size="xsmall" className="text-ui-fg-muted">
                    Redemption code
                  </Text>
                )}
              </li>
            )
          })}
        </ul>
      )}
      {delivery.notes && (
        <Text size="small" className="text-ui-fg-subtle whitespace-pre-wrap break-words" data-testid="delivery-notes-text">
          Notes: {delivery.notes}
        </Text>
      )}
      {delivery.downloads.length > 0 && (
        <ul className="flex flex-col gap-y-1" data-testid="delivery-downloads">
          {delivery.downloads.map((download) => (
            <DownloadRow key={download.id} download={download} />
          ))}
        </ul>
      )}

      {delivery.attempts_log.length > 0 && (
        <div>
          <button
            type="button"
            className="text-ui-fg-subtle hover:text-ui-fg-base txt-compact-small flex items-center gap-x-1"
            onClick={() => setShowLog((v) => !v)}
            aria-expanded={showLog}
            data-testid="delivery-log-toggle"
          >
            {showLog ? <TriangleDownMini /> : <TriangleRightMini />}
            Attempt log ({delivery.attempts_log.length})
          </button>
          {showLog && (
            <ul className="border-ui-border-base ml-2 divide-y border-l pl-3" data-testid="delivery-log">
              {delivery.attempts_log.map((attempt) => (
                <AttemptRow key={attempt.id} attempt={attempt} />
              ))}
            </ul>
          )}
        </div>
      )}

      <NotesDrawer
        open={marking}
        onOpenChange={setMarking}
        title="Mark as delivered"
        description={`Record that “${delivery.title}” reached the customer some other way. Nothing is sent to the delivery target.`}
        withCode
        submitLabel="Mark as delivered"
        pending={mark.isPending}
        testId="mark-delivered-drawer"
        onSubmit={async (value) => {
          await mark.mutateAsync({ id: delivery.id, ...value })
          toast.success(`${delivery.title} marked as delivered`)
        }}
      />
    </li>
  )
}
