/** Words for audience words (filled by the slice that owns it). */
export const audienceWordsEn = {} as const;
