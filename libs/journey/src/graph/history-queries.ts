import { historyKey, type HistoryQuery } from '../kinds/node-kind';
import { nodeKindOrNull } from '../kinds/registry';
import type { JourneyDocument } from './journey.schema';

/**
 * Every event-history question a version's nodes may ask, deduplicated. The worker answers them before a step
 * (the interpreter cannot read the database), so conditions on history stay pure.
 */
export const journeyHistoryQueries = (document: JourneyDocument): HistoryQuery[] => {
  const queries = new Map<string, HistoryQuery>();
  for (const node of document.nodes) {
    const kind = nodeKindOrNull(node.kind);
    if (!kind?.historyQueries) continue;
    const config = kind.schema.safeParse(node.config);
    if (!config.success) continue;
    for (const query of kind.historyQueries(config.data)) queries.set(historyKey(query), query);
  }
  return [...queries.values()];
};
