import { nodeKindOrNull } from '../kinds/registry';
import type { JourneyDocument } from './journey.schema';

/** The index keys a published version is stored under (`event:Order Completed`), from each trigger node's kind. */
export const triggerKeysOf = (document: JourneyDocument): string[] =>
  document.nodes.flatMap((node) => {
    const kind = nodeKindOrNull(node.kind);
    const config = kind?.trigger ? kind.schema.safeParse(node.config) : null;
    return kind?.trigger && config?.success ? kind.trigger.keys(config.data) : [];
  });
