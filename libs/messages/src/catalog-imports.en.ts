/** Words for imports (filled by the slice that owns it). */
export const importsEn = {} as const;
