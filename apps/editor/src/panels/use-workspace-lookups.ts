import { useEffect, useState } from 'react';
import { KNOWN_EVENTS } from './known-events';
import {
  attributesFromApi,
  attributesFromCustomers,
  EMPTY_LOOKUPS,
  type AttributeOption,
  type AttributeSource,
  type EventOption,
  type WorkspaceLookups,
} from './lookups';

// Read-only lookups for the form; a failed one leaves its picker as free text instead of blocking the editor.
const getJson = async (path: string): Promise<unknown> => {
  const response = await fetch(`/api${path}`, { headers: { accept: 'application/json' }, credentials: 'same-origin' });
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return response.json();
};

const listOf = <T>(body: unknown, key: string): T[] => {
  const list = (body as Record<string, unknown> | null)?.[key];
  return Array.isArray(list) ? (list as T[]) : [];
};

/** Declared attributes first; without that list (404 or error) the attributes seen on recent customers; else none. */
const loadAttributes = async (): Promise<{ attributes: AttributeOption[]; attributeSource: AttributeSource }> => {
  try {
    return { attributes: attributesFromApi(await getJson('/attributes')), attributeSource: 'workspace' };
  } catch {
    try {
      const customers = listOf<{ attributes?: unknown }>(await getJson('/customers?limit=200'), 'customers');
      return { attributes: attributesFromCustomers(customers), attributeSource: 'customers' };
    } catch {
      return { attributes: [], attributeSource: 'none' };
    }
  }
};

const orNull = <T>(promise: Promise<T>): Promise<T | null> => promise.catch(() => null);

/** The events the workspace really received (names and the properties seen on them), after the documented ones. */
export const withSeenEvents = (known: EventOption[], seen: EventOption[]): EventOption[] => {
  const byName = new Map(known.map((event) => [event.name, event]));
  for (const event of seen) {
    const earlier = byName.get(event.name);
    const paths = new Set(earlier?.properties.map((property) => property.path));
    byName.set(event.name, {
      name: event.name,
      properties: [
        ...(earlier?.properties ?? []),
        ...event.properties.filter((property) => !paths.has(property.path)).map(({ path, type }) => ({ path, type })),
      ],
    });
  }
  return [...byName.values()];
};

/** The workspace's attributes, events, templates, coupon pools and audiences, loaded once per editor. */
export const useWorkspaceLookups = (): { lookups: WorkspaceLookups; loaded: boolean } => {
  const [state, setState] = useState<{ lookups: WorkspaceLookups; loaded: boolean }>({
    lookups: EMPTY_LOOKUPS,
    loaded: false,
  });
  useEffect(() => {
    let cancelled = false;
    void Promise.all([
      loadAttributes(),
      orNull(getJson('/templates').then((body) => listOf<{ key: string; name: string }>(body, 'templates'))),
      orNull(
        getJson('/coupon-pools').then((body) =>
          listOf<{ key: string; name: string; remaining?: number }>(body, 'pools').map((pool) => ({
            key: pool.key,
            name: pool.name,
            remaining: typeof pool.remaining === 'number' ? pool.remaining : null,
          })),
        ),
      ),
      orNull(getJson('/audiences').then((body) => listOf<{ key: string; name: string }>(body, 'audiences'))),
      orNull(getJson('/events/seen').then((body) => listOf<EventOption>(body, 'events'))),
    ]).then(([attributes, templates, couponPools, audiences, seen]) => {
      if (cancelled) return;
      setState({
        loaded: true,
        lookups: {
          ...attributes,
          templates: templates?.map(({ key, name }) => ({ key, name })) ?? null,
          couponPools,
          audiences: audiences?.map(({ key, name }) => ({ key, name })) ?? null,
          events: withSeenEvents(KNOWN_EVENTS, seen ?? []),
        },
      });
    });
    return () => {
      cancelled = true;
    };
  }, []);
  return state;
};
