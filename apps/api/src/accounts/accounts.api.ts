import type { ApiSlice } from '../common/api-slice';

/** Marketers signing in: sessions, CSRF, members and their roles. */
export const ACCOUNTS_API: ApiSlice = { controllers: [], providers: [] };
