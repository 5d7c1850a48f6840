/** Who did something recorded on the timeline. */
export type ActorType = "user" | "customer" | "system"

/** An append-only timeline entry written by the plugin's workflows. */
export type OrderActivityDTO = {
  id: string
  order_id: string
  kind: string
  actor_type: ActorType
  actor_id: string | null
  resource_type: string | null
  resource_id: string | null
  data: Record<string, unknown> | null
  occurred_at: Date | string
  created_at: Date | string
}

/** What a workflow records. `occurred_at` defaults to now. */
export type CreateOrderActivityDTO = {
  order_id: string
  kind: string
  actor_type?: ActorType
  actor_id?: string | null
  resource_type?: string | null
  resource_id?: string | null
  data?: Record<string, unknown> | null
  occurred_at?: Date
}
