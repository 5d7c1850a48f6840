import { parsePluginOptions, type PluginOptions } from "../../../options"

/** Default plugin options, fresh each call so a test can change them. */
export function options(): PluginOptions {
  return parsePluginOptions({})
}
