/** What the engine knows about the customer when a step runs: loaded by the worker, read by node kinds. */
export type CustomerFacts = {
  id: string;
  externalId: string | null;
  email: string | null;
  phone: string | null;
  timeZone: string | null;
  locale: string | null;
  attributes: Record<string, unknown>;
};

/** A tracked event as node kinds see it. `timestamp` is ISO-8601. */
export type EventFacts = {
  id: string;
  name: string;
  properties: Record<string, unknown>;
  timestamp: string;
};

const PROFILE_FIELDS = ['id', 'externalId', 'email', 'phone', 'timeZone', 'locale'] as const;

const readSegment = (value: unknown, segment: string): unknown => {
  if (value === null || typeof value !== 'object') return undefined;
  if (!Object.prototype.hasOwnProperty.call(value, segment)) return undefined;
  return (value as Record<string, unknown>)[segment];
};

/**
 * Reads `a.b.c` from a plain object without walking into prototypes. Through an array it collects: for an order,
 * `products.id` is the list of every line's product id (compare with `contains`, or any element matches).
 */
export const readPath = (root: unknown, path: string): unknown => {
  let current: unknown = root;
  for (const segment of path.split('.')) {
    if (Array.isArray(current)) {
      const collected = current.flatMap((item) => {
        const value = readSegment(item, segment);
        return value === undefined ? [] : Array.isArray(value) ? value : [value];
      });
      current = collected.length > 0 ? collected : undefined;
    } else current = readSegment(current, segment);
    if (current === undefined) return undefined;
  }
  return current;
};

/** A profile field (`email`, `timeZone`, ...) or else a custom attribute (`loyalty_points`, `address.city`). */
export const readProfile = (customer: CustomerFacts, path: string): unknown =>
  (PROFILE_FIELDS as readonly string[]).includes(path)
    ? customer[path as (typeof PROFILE_FIELDS)[number]]
    : readPath(customer.attributes, path);
