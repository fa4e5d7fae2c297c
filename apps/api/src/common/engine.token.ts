/** Nest injection token for the process's Engine (built once in main.ts, outside Nest). */
export const ENGINE = Symbol('rapport.engine');
