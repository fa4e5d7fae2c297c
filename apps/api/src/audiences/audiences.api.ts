import type { ApiSlice } from '../common/api-slice';

/** Saved audiences: CRUD, size and sample members. */
export const AUDIENCES_API: ApiSlice = { controllers: [], providers: [] };
