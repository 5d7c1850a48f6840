/**
 * A server type as it arrives over JSON: dates become ISO strings. The admin
 * reads the routes' response types through this, so both sides share one
 * definition.
 */
export type Jsonified<T> = T extends Date
  ? string
  : T extends (...args: never[]) => unknown
    ? never
    : T extends ReadonlyArray<infer U>
      ? Jsonified<U>[]
      : T extends object
        ? { [K in keyof T]: Jsonified<T[K]> }
        : T
