import type { ApiSlice } from '../common/api-slice';

/** Computed attributes, recommendations and value tiers: recompute on demand, tier settings. */
export const INSIGHTS_API: ApiSlice = { controllers: [], providers: [] };
