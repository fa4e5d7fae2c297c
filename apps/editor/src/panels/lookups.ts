import { COMPARISON_OPERATORS, type ComparisonOperator } from '@rapport/journey';

/** `map`: a value per key, such as a date per product id (`refill_due_at.<product>`). */
export type AttributeType = 'string' | 'number' | 'boolean' | 'date' | 'list' | 'map' | 'unknown';

/** An attribute the marketer can pick, with its type when the workspace declared or inferred one. */
export type AttributeOption = { name: string; label: string | null; type: AttributeType };

/** Where the attribute suggestions came from: the workspace's list, attributes on customers, or none (free text). */
export type AttributeSource = 'workspace' | 'customers' | 'none';

/** What the settings form offers, loaded from the workspace; null where the list could not be loaded. */
export type WorkspaceLookups = {
  attributes: AttributeOption[];
  attributeSource: AttributeSource;
  templates: { key: string; name: string }[] | null;
  couponPools: { key: string; name: string; remaining: number | null }[] | null;
  audiences: { key: string; name: string }[] | null;
  /** Event names seen in this workspace's shop data and journeys, with their known properties. */
  events: EventOption[];
};

export type EventOption = { name: string; properties: { path: string; type: AttributeType }[] };

export const EMPTY_LOOKUPS: WorkspaceLookups = {
  attributes: [],
  attributeSource: 'none',
  templates: null,
  couponPools: null,
  audiences: null,
  events: [],
};

const ATTRIBUTE_TYPES: readonly AttributeType[] = ['string', 'number', 'boolean', 'date', 'list', 'map'];
const ISO_DATE = /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/;

const typeOfValue = (value: unknown): AttributeType => {
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'boolean';
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'string') return ISO_DATE.test(value) ? 'date' : 'string';
  return 'unknown';
};

/** `GET /api/attributes`'s answer as options (unknown types kept as `unknown`). */
export const attributesFromApi = (body: unknown): AttributeOption[] => {
  const list = (body as { attributes?: unknown } | null)?.attributes;
  if (!Array.isArray(list)) return [];
  return list.flatMap((item: { name?: unknown; label?: unknown; type?: unknown }) =>
    typeof item?.name === 'string'
      ? [
          {
            name: item.name,
            label: typeof item.label === 'string' ? item.label : null,
            type: ATTRIBUTE_TYPES.includes(item.type as AttributeType) ? (item.type as AttributeType) : 'unknown',
          },
        ]
      : [],
  );
};

const CUSTOMER_FIELDS: AttributeOption[] = ['email', 'phone', 'timeZone', 'locale'].map((name) => ({
  name,
  label: null,
  type: 'string',
}));

/** Without a declared list: the profile fields and every attribute seen on these customers, typed by their values. */
export const attributesFromCustomers = (customers: readonly { attributes?: unknown }[]): AttributeOption[] => {
  const seen = new Map<string, AttributeType>();
  for (const customer of customers) {
    const attributes = customer.attributes;
    if (!attributes || typeof attributes !== 'object') continue;
    for (const [name, value] of Object.entries(attributes)) {
      const type = typeOfValue(value);
      const known = seen.get(name);
      seen.set(name, known === undefined || known === type ? type : 'unknown');
    }
  }
  return [
    ...CUSTOMER_FIELDS,
    ...[...seen].sort(([a], [b]) => a.localeCompare(b)).map(([name, type]) => ({ name, label: null, type })),
  ];
};

const OPERATORS_BY_TYPE: Record<AttributeType, readonly ComparisonOperator[]> = {
  number: ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'exists', 'not_exists'],
  date: ['eq', 'gt', 'gte', 'lt', 'lte', 'exists', 'not_exists'],
  boolean: ['eq', 'neq', 'exists', 'not_exists'],
  string: ['eq', 'neq', 'contains', 'exists', 'not_exists'],
  list: ['contains', 'exists', 'not_exists'],
  map: ['exists', 'not_exists'],
  unknown: COMPARISON_OPERATORS,
};

/** The tests that make sense for an attribute of this type; the current one stays offered so it is never hidden. */
export const operatorsFor = (type: AttributeType, current?: unknown): ComparisonOperator[] => {
  const offered = [...OPERATORS_BY_TYPE[type]];
  if (typeof current === 'string' && !offered.includes(current as ComparisonOperator)) {
    if ((COMPARISON_OPERATORS as readonly string[]).includes(current)) offered.push(current as ComparisonOperator);
  }
  return offered;
};

/** The type of what a condition reads: a profile attribute, or a property of the starting event. */
export const typeOfPath = (
  lookups: Pick<WorkspaceLookups, 'attributes' | 'events'>,
  source: unknown,
  path: unknown,
  eventName?: string,
): AttributeType => {
  if (typeof path !== 'string' || path === '') return 'unknown';
  if (source === 'event') {
    const events = eventName ? lookups.events.filter((event) => event.name === eventName) : lookups.events;
    const found = events.flatMap((event) => event.properties).find((property) => property.path === path);
    return found?.type ?? 'unknown';
  }
  return lookups.attributes.find((attribute) => attribute.name === path)?.type ?? 'unknown';
};
