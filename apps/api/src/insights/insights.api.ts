import type { ApiSlice } from '../common/api-slice';
import { InsightsAdminService } from './insights-admin.service';
import { InsightsController } from './insights.controller';

/** Computed attributes, recommendations and value tiers: recompute on demand, tier settings. */
export const INSIGHTS_API: ApiSlice = { controllers: [InsightsController], providers: [InsightsAdminService] };
