import { indexJourney } from '../interpreter/journey-index';
import type { EventFacts } from './facts';
import type { JourneyDocument } from './journey.schema';

/**
 * The triggering event as the journey's trigger saw it: the first trigger node the event matches may narrow it
 * (an event trigger keeps only the order lines its filters matched). Steps, goals and "same product" checks all
 * read this view, so they agree on which product started the journey.
 */
export const focusTrigger = (document: JourneyDocument, trigger: EventFacts | null): EventFacts | null => {
  if (!trigger) return null;
  const node = indexJourney(document).triggers.find((entry) =>
    entry.kind.trigger?.matchesEvent?.(entry.config, trigger),
  );
  return node?.kind.trigger?.focus?.(node.config, trigger) ?? trigger;
};
