import type { ApiSlice } from '../common/api-slice';
import { AudienceAdminService } from './audience-admin.service';
import { AudiencesController } from './audiences.controller';

/** Saved audiences: CRUD, size and sample members, preview and recompute. */
export const AUDIENCES_API: ApiSlice = { controllers: [AudiencesController], providers: [AudienceAdminService] };
