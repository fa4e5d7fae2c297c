/** Words for publish (filled by the slice that owns it). */
export const publishEn = {} as const;
