import { Badge, Button, Drawer, Heading, Select, StatusBadge, Table, Text, Textarea, toast } from "@medusajs/ui"
import { useRef, useState } from "react"
import { CODES_PAGE_SIZE, useImportLicenseCodes, useLicenseCodes } from "../../hooks/digital-delivery"
import { useFieldErrors } from "../../hooks/field-errors"
import {
  LICENSE_CODE_STATUS,
  licenseCodeStatusLook,
  type AdminLicensePool,
  type LicenseCodeStatus,
} from "../../lib/digital-delivery"
import { errorMessage } from "../../lib/errors"
import { formatDateTime } from "../../lib/format"
import { Field } from "../field"

const FIELDS = ["codes"] as const
const STATUSES = Object.keys(LICENSE_CODE_STATUS) as LicenseCodeStatus[]

function ImportCodes({ pool }: { pool: AdminLicensePool }) {
  const importCodes = useImportLicenseCodes(pool.id)
  const server = useFieldErrors(FIELDS)
  const [text, setText] = useState("")
  const [fileName, setFileName] = useState<string | null>(null)
  const [result, setResult] = useState<{ imported: number; skipped: number } | null>(null)
  const fileInput = useRef<HTMLInputElement>(null)

  const submit = async () => {
    server.clear()
    setResult(null)
    try {
      const { imported, skipped } = await importCodes.mutateAsync(text)
      setResult({ imported, skipped })
      setText("")
      setFileName(null)
      toast.success(`Imported ${imported}, skipped ${skipped}`)
    } catch (e) {
      server.report(e)
    }
  }

  return (
    <form
      className="flex flex-col gap-y-3"
      data-testid="license-codes-import"
      noValidate
      onSubmit={(e) => {
        e.preventDefault()
        void submit()
      }}
    >
      <Field
        label="Import codes"
        htmlFor="license-codes-text"
        hint="One code per line, or a CSV file with the code in the first column. Codes already in the pool are skipped."
        error={server.errorFor("codes")}
        testId="license-codes-text-field"
      >
        <Textarea
          id="license-codes-text"
          className="font-mono"
          rows={5}
          placeholder={"AAAA-BBBB-CCCC\nDDDD-EEEE-FFFF"}
          value={text}
          onChange={(e) => {
            setText(e.target.value)
            setFileName(null)
          }}
          aria-invalid={!!server.errorFor("codes")}
          data-testid="license-codes-text"
        />
      </Field>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div className="flex items-center gap-x-2">
          <input
            ref={fileInput}
            type="file"
            accept=".csv,.txt,text/csv,text/plain"
            className="hidden"
            data-testid="license-codes-file"
            onChange={async (e) => {
              const file = e.target.files?.[0]
              if (!file) return
              try {
                // Read in the browser and sent as text: the server parses lines and CSV alike.
                setText(await file.text())
                setFileName(file.name)
              } catch (err) {
                toast.error(`Couldn't read ${file.name}: ${errorMessage(err)}`)
              } finally {
                e.target.value = ""
              }
            }}
          />
          <Button size="small" variant="secondary" type="button" onClick={() => fileInput.current?.click()}>
            Choose .csv or .txt…
          </Button>
          {fileName && (
            <Text size="xsmall" className="text-ui-fg-muted">
              {fileName}
            </Text>
          )}
        </div>
        <Button size="small" type="submit" isLoading={importCodes.isPending} disabled={!text.trim()} data-testid="license-codes-import-submit">
          Import
        </Button>
      </div>
      {result && (
        <Text size="small" className="text-ui-fg-subtle" data-testid="license-codes-import-result">
          Imported {result.imported}, skipped {result.skipped}
        </Text>
      )}
    </form>
  )
}

function CodesList({ poolId }: { poolId: string }) {
  const [status, setStatus] = useState<LicenseCodeStatus | "all">("all")
  const [offset, setOffset] = useState(0)
  const { data, isPending, isError, error, refetch, isFetching } = useLicenseCodes(poolId, status, offset)

  return (
    <div className="flex flex-col gap-y-3" data-testid="license-codes">
      <div className="flex items-center justify-between gap-x-2">
        <Heading level="h3">Codes</Heading>
        <div className="w-44">
          <Select
            size="small"
            value={status}
            onValueChange={(v) => {
              setStatus(v as LicenseCodeStatus | "all")
              setOffset(0)
            }}
          >
            <Select.Trigger data-testid="license-codes-status-filter" aria-label="Filter by status">
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              <Select.Item value="all">All statuses</Select.Item>
              {STATUSES.map((s) => (
                <Select.Item key={s} value={s}>
                  {LICENSE_CODE_STATUS[s].label}
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
        </div>
      </div>
      {isPending ? (
        <Text size="small" className="text-ui-fg-muted" aria-busy="true">
          Loading codes…
        </Text>
      ) : isError ? (
        <div className="flex items-center justify-between gap-x-4">
          <Text size="small" className="text-ui-fg-error">
            Couldn't load codes: {errorMessage(error)}
          </Text>
          <Button size="small" variant="secondary" onClick={() => refetch()}>
            Retry
          </Button>
        </div>
      ) : data.codes.length === 0 ? (
        <Text size="small" className="text-ui-fg-muted" data-testid="license-codes-empty">
          {status === "all" ? "No codes yet. Import some above." : `No ${LICENSE_CODE_STATUS[status].label.toLowerCase()} codes.`}
        </Text>
      ) : (
        <>
          <div className="border-ui-border-base overflow-hidden rounded-md border">
            <Table aria-busy={isFetching}>
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell>Code</Table.HeaderCell>
                  <Table.HeaderCell>Status</Table.HeaderCell>
                  <Table.HeaderCell>Assigned</Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {data.codes.map((code) => {
                  const look = licenseCodeStatusLook(code.status)
                  return (
                    <Table.Row key={code.id} data-testid="license-code-row" data-status={code.status}>
                      <Table.Cell className="font-mono" data-testid="license-code-value">
                        {code.code}
                      </Table.Cell>
                      <Table.Cell>
                        <StatusBadge color={look.color}>{look.label}</StatusBadge>
                      </Table.Cell>
                      <Table.Cell className="text-ui-fg-subtle">{code.assigned_at ? formatDateTime(code.assigned_at) : "—"}</Table.Cell>
                    </Table.Row>
                  )
                })}
              </Table.Body>
            </Table>
          </div>
          <div className="flex items-center justify-between gap-x-2">
            <Text size="small" className="text-ui-fg-muted tabular-nums" data-testid="license-codes-range">
              {data.offset + 1}–{data.offset + data.codes.length} of {data.count}
            </Text>
            <div className="flex gap-x-2">
              <Button
                size="small"
                variant="secondary"
                disabled={offset === 0}
                onClick={() => setOffset(Math.max(0, offset - CODES_PAGE_SIZE))}
              >
                Previous
              </Button>
              <Button
                size="small"
                variant="secondary"
                disabled={data.offset + data.codes.length >= data.count}
                onClick={() => setOffset(offset + CODES_PAGE_SIZE)}
              >
                Next
              </Button>
            </div>
          </div>
        </>
      )}
    </div>
  )
}

/** A pool's detail: its counts, importing codes (pasted or from a file), and its codes by status. */
export function LicensePoolCodesDrawer({
  pool,
  onOpenChange,
}: {
  pool: AdminLicensePool | null
  onOpenChange: (open: boolean) => void
}) {
  return (
    <Drawer open={!!pool} onOpenChange={onOpenChange}>
      <Drawer.Content aria-describedby={undefined} data-testid="license-pool-codes-drawer">
        <Drawer.Header>
          <Drawer.Title asChild>
            <Heading>{pool?.name ?? "License pool"}</Heading>
          </Drawer.Title>
        </Drawer.Header>
        {pool && (
          <Drawer.Body className="flex flex-1 flex-col gap-y-6 overflow-auto">
            <div className="flex flex-wrap items-center gap-2" data-testid="license-pool-counts">
              <Badge size="small" color="green" data-testid="license-pool-available">
                {pool.counts.available} available
              </Badge>
              <Badge size="small" color="blue">
                {pool.counts.assigned} assigned
              </Badge>
              <Badge size="small" color="grey">
                {pool.counts.revoked} revoked
              </Badge>
            </div>
            <ImportCodes key={pool.id} pool={pool} />
            <CodesList key={`codes-${pool.id}`} poolId={pool.id} />
          </Drawer.Body>
        )}
      </Drawer.Content>
    </Drawer>
  )
}
