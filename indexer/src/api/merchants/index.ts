// Placeholder module: filled in by its part of issue 3.
import type { ApiContext, ApiModule } from "../module.js";

export function createMerchantsModule(_api: ApiContext): ApiModule {
  return { name: "merchants" };
}
