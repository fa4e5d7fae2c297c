import type { ApiSlice } from '../common/api-slice';

/** Profiles, declared attribute types and CSV imports. */
export const PROFILES_API: ApiSlice = { controllers: [], providers: [] };
