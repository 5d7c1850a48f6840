import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

/** The admin feed notification Medusa's dashboard shows under its bell (channel `feed`, template `admin-ui`). */
export type AdminFeedNotification = {
  title: string
  description: string
  file?: { filename: string; url: string; mimeType: string }
}

/**
 * Tells the admins through the notification module's `feed` channel, as
 * Medusa's own exports do. Best effort: a store without a `feed` provider
 * still gets its file, with a warning in the log, so this never fails (and
 * never undoes) the work it reports.
 */
export const notifyAdminsStep = createStep(
  "order-ops-notify-admins",
  async (input: AdminFeedNotification, { container }) => {
    try {
      await container.resolve(Modules.NOTIFICATION).createNotifications({
        to: "",
        channel: "feed",
        template: "admin-ui",
        data: input,
      })
      return new StepResponse(true)
    } catch (e) {
      container
        .resolve(ContainerRegistrationKeys.LOGGER)
        .warn(`medusa-order-ops: admin notification "${input.title}" not sent: ${(e as Error).message}`)
      return new StepResponse(false)
    }
  }
)
