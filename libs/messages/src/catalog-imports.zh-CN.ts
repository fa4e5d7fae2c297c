import type { importsEn } from './catalog-imports.en';

export const importsZhCN = {} satisfies Record<keyof typeof importsEn, string>;
