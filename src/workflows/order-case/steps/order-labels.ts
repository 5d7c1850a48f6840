import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ORDER_CASE_MODULE } from "../../../modules/order-case"
import type { OrderLabelColor } from "../../../modules/order-case/models"
import type OrderCaseModuleService from "../../../modules/order-case/service"

const service = (container: { resolve: <T>(key: string) => T }) =>
  container.resolve<OrderCaseModuleService>(ORDER_CASE_MODULE)

export type OrderLabelInput = { name: string; color?: OrderLabelColor; customer_visible?: boolean }

async function assertNameFree(svc: OrderCaseModuleService, name: string, exceptId?: string) {
  const all = await svc.listOrderLabels({}, { select: ["id", "name"] })
  if (all.some((l) => l.id !== exceptId && l.name.toLowerCase() === name.toLowerCase())) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `name: a label named "${name}" already exists`)
  }
}

/**
 * Creates a merchant order label. Compensation deletes it.
 * @throws MedusaError INVALID_DATA when the name is taken (case-insensitively).
 */
export const createOrderLabelStep = createStep(
  "order-ops-create-order-label",
  async (input: OrderLabelInput, { container }) => {
    const svc = service(container)
    await assertNameFree(svc, input.name)
    const label = await svc.createOrderLabels(input)
    return new StepResponse(label, label.id)
  },
  async (id, { container }) => {
    if (id) {
      await service(container).deleteOrderLabels(id)
    }
  }
)

/**
 * Renames or recolours a label. Compensation puts the old values back.
 * @throws MedusaError NOT_FOUND for an unknown label; INVALID_DATA when the new name is taken.
 */
export const updateOrderLabelStep = createStep(
  "order-ops-update-order-label",
  async (input: Partial<OrderLabelInput> & { id: string }, { container }) => {
    const svc = service(container)
    const before = await svc.retrieveOrderLabel(input.id)
    if (input.name !== undefined) {
      await assertNameFree(svc, input.name, input.id)
    }
    const label = await svc.updateOrderLabels(input)
    return new StepResponse(label, {
      id: before.id,
      name: before.name,
      color: before.color,
      customer_visible: before.customer_visible,
    })
  },
  async (before, { container }) => {
    if (before) {
      await service(container).updateOrderLabels(before)
    }
  }
)

/**
 * Deletes a label that no order carries. Compensation restores it.
 * @throws MedusaError NOT_ALLOWED while orders carry it; NOT_FOUND for an unknown label.
 */
export const deleteOrderLabelStep = createStep(
  "order-ops-delete-order-label",
  async (input: { id: string }, { container }) => {
    const svc = service(container)
    await svc.retrieveOrderLabel(input.id)
    const [, inUse] = await svc.listAndCountOrderLabelAssignments({ label_id: input.id }, { take: 1 })
    if (inUse > 0) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `label: ${inUse} order(s) carry this label; change their label first`
      )
    }
    await svc.softDeleteOrderLabels(input.id)
    return new StepResponse({ id: input.id }, input.id)
  },
  async (id, { container }) => {
    if (id) {
      await service(container).restoreOrderLabels(id)
    }
  }
)

export type SetOrderLabelStepInput = {
  order_id: string
  label_id: string | null
  reference?: string | null
  actor_id?: string | null
}

type Assignment = { label_id: string; reference: string | null; set_by: string | null; set_at: Date }

/**
 * Sets (or with `label_id: null` clears) the label of an order. Answers the
 * label set and the one it replaced. Compensation puts the previous
 * assignment back.
 *
 * @throws MedusaError INVALID_DATA `label_id: unknown label` for an unknown label.
 */
export const setOrderLabelStep = createStep(
  "order-ops-set-order-label",
  async (input: SetOrderLabelStepInput, { container }) => {
    const svc = service(container)
    const [current] = await svc.listOrderLabelAssignments({ order_id: input.order_id }, { take: 1 })
    let label: { id: string; name: string; color: string; customer_visible: boolean } | null = null
    if (input.label_id) {
      const [found] = await svc.listOrderLabels({ id: input.label_id }, { take: 1 })
      if (!found) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, `label_id: unknown label ${input.label_id}`)
      }
      label = found
    }
    const previousLabel = current
      ? (await svc.listOrderLabels({ id: current.label_id }, { take: 1, withDeleted: true }))[0] ?? null
      : null
    const previous: Assignment | null = current
      ? { label_id: current.label_id, reference: current.reference, set_by: current.set_by, set_at: current.set_at }
      : null
    if (current) {
      await svc.deleteOrderLabelAssignments(current.id)
    }
    if (input.label_id) {
      await svc.createOrderLabelAssignments({
        order_id: input.order_id,
        label_id: input.label_id,
        reference: input.reference?.trim() || null,
        set_by: input.actor_id ?? null,
        set_at: new Date(),
      })
    }
    return new StepResponse(
      {
        label,
        reference: input.label_id ? input.reference?.trim() || null : null,
        previous_label_name: previousLabel?.name ?? null,
      },
      { order_id: input.order_id, previous }
    )
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const svc = service(container)
    const now = await svc.listOrderLabelAssignments({ order_id: undo.order_id })
    if (now.length) {
      await svc.deleteOrderLabelAssignments(now.map((a) => a.id))
    }
    if (undo.previous) {
      await svc.createOrderLabelAssignments({ order_id: undo.order_id, ...undo.previous })
    }
  }
)
