import type { audienceWordsEn } from './catalog-audience-words.en';

export const audienceWordsZhCN = {} satisfies Record<keyof typeof audienceWordsEn, string>;
