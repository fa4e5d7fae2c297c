import { createContext } from 'react';

/** Problem count per node id, from local validation; nodes read it to draw their red outline and badge. */
export const NodeProblemsContext = createContext<ReadonlyMap<string, number>>(new Map());
