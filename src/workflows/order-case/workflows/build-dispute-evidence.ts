import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { getOrderTimelineWorkflow } from "../../timeline/workflows/get-order-timeline"
import { loadDisputeEvidenceStep } from "../steps/load-dispute-evidence"
import { renderEvidencePackStep } from "../steps/render-evidence-pack"
import { type DisputeEvidence, timelineDetails } from "../utils/dispute-evidence"

/** Input of {@link buildDisputeEvidenceWorkflow}. */
export type BuildDisputeEvidenceWorkflowInput = {
  dispute_id: string
  /** `pdf` (default): the PDF; `zip`: the PDF with its JSON sources. */
  format?: "pdf" | "zip"
}

/** Timeline entries a pack holds at most (oldest first). */
const TIMELINE_LIMIT = 1000

export const buildDisputeEvidenceWorkflowId = "order-ops-build-dispute-evidence"

/**
 * A dispute's evidence pack, for answering a chargeback with one download:
 * the order and customer, the checkout's IP address and user agent, the
 * notifications sent to the customer, shipments with every scan, digital
 * deliveries with every attempt (RCON command and answer, webhook
 * deliveries) and every download with its IP and user agent, the notes
 * shared with the customer and the order's timeline. Read-only.
 *
 * @throws MedusaError NOT_FOUND for an unknown dispute.
 */
export const buildDisputeEvidenceWorkflow = createWorkflow(
  buildDisputeEvidenceWorkflowId,
  function (input: BuildDisputeEvidenceWorkflowInput) {
    const generatedAt = transform({ input }, () => new Date())
    const facts = loadDisputeEvidenceStep(
      transform({ input, generatedAt }, ({ input, generatedAt }) => ({ dispute_id: input.dispute_id, generated_at: generatedAt }))
    )
    const timeline = getOrderTimelineWorkflow.runAsStep({
      input: transform({ facts }, ({ facts }) => ({ order_id: facts.order.id, limit: TIMELINE_LIMIT, offset: 0 })),
    })
    const evidence = transform({ facts, timeline }, ({ facts, timeline }): DisputeEvidence => ({
      ...facts,
      timeline: [...timeline.timeline]
        .sort((a, b) => a.occurred_at.localeCompare(b.occurred_at))
        .map((t) => ({
          occurred_at: t.occurred_at,
          kind: t.kind,
          actor: t.actor.display ?? (t.actor.id ? `${t.actor.type} ${t.actor.id}` : t.actor.type),
          details: timelineDetails(t.data),
        })),
    }))
    const pack = renderEvidencePackStep(
      transform({ evidence, input }, ({ evidence, input }) => ({ evidence, format: input.format ?? "pdf" }))
    )
    return new WorkflowResponse(pack)
  }
)
