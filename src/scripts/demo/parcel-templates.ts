/** Parcel templates for the label drawer. */
import { SHIPMENT_MODULE } from "../../modules/shipment"
import type ShipmentModuleService from "../../modules/shipment/service"
import { saveParcelTemplateWorkflow } from "../../workflows/labels/workflows/parcel-templates"
import type { MedusaContainer } from "@medusajs/framework/types"
import type { Logger } from "./context"

/** The packages the demo's label drawer offers. */
export const DEMO_PARCEL_TEMPLATES = [
  { name: "Small box", length: 25, width: 20, height: 10, distance_unit: "cm", weight: 0.8, mass_unit: "kg", is_default: true },
  { name: "Medium box", length: 40, width: 30, height: 20, distance_unit: "cm", weight: 2, mass_unit: "kg", is_default: false },
  { name: "Poly mailer", length: 35, width: 25, height: 3, distance_unit: "cm", weight: 0.3, mass_unit: "kg", is_default: false },
] as const

/** Creates the demo parcel templates that are missing (by name). */
export async function ensureParcelTemplates(container: MedusaContainer, logger: Logger) {
  const shipments = container.resolve<ShipmentModuleService>(SHIPMENT_MODULE)
  const existing = new Set(
    ((await shipments.listParcelTemplates({}, { select: ["name"] })) as { name: string }[]).map((t) => t.name)
  )
  for (const template of DEMO_PARCEL_TEMPLATES) {
    if (!existing.has(template.name)) {
      await saveParcelTemplateWorkflow(container).run({ input: { ...template } })
      logger.info(`Created parcel template "${template.name}".`)
    }
  }
}
