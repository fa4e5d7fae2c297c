import type { publishEn } from './catalog-publish.en';

export const publishZhCN = {} satisfies Record<keyof typeof publishEn, string>;
