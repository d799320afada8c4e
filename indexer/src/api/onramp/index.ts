// Placeholder module: filled in by its part of issue 3.
import type { ApiContext, ApiModule } from "../module.js";

export function createOnrampModule(_api: ApiContext): ApiModule {
  return { name: "onramp" };
}
