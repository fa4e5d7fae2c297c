/** Every screen, addressed by the URL hash so it can be bookmarked and reloaded. */
export type Route =
  | { screen: 'journeys' }
  | { screen: 'journey'; journeyId: string }
  | { screen: 'journey-settings'; journeyId: string }
  | { screen: 'journey-versions'; journeyId: string; version: number | null }
  | { screen: 'journey-publish'; journeyId: string }
  | { screen: 'journey-live'; journeyId: string }
  | { screen: 'templates'; templateKey: string | null }
  | { screen: 'coupons' }
  | { screen: 'audiences' }
  | { screen: 'customers'; customerId: string | null }
  | { screen: 'settings' }
  | { screen: 'imports'; importId: string | null }
  | { screen: 'members' };

const decode = (part: string): string | null => {
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
};

const JOURNEY_TABS = {
  settings: 'journey-settings',
  versions: 'journey-versions',
  publish: 'journey-publish',
  live: 'journey-live',
} as const;

/** `#/journeys/<id>/versions/3` -> the screen and its parameters; anything unknown is the journey list. */
export const routeOf = (hash: string): Route => {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  const [area, id, tab, extra] = parts;
  if (area === 'templates') return { screen: 'templates', templateKey: id ? decode(id) : null };
  if (area === 'coupons') return { screen: 'coupons' };
  if (area === 'audiences') return { screen: 'audiences' };
  if (area === 'customers') return { screen: 'customers', customerId: id ? decode(id) : null };
  if (area === 'settings') return { screen: 'settings' };
  if (area === 'imports') return { screen: 'imports', importId: id ? decode(id) : null };
  if (area === 'members') return { screen: 'members' };
  const journeyId = area === 'journeys' && id ? decode(id) : null;
  if (!journeyId) return { screen: 'journeys' };
  if (!tab) return { screen: 'journey', journeyId };
  const screen = JOURNEY_TABS[tab as keyof typeof JOURNEY_TABS];
  if (screen === 'journey-versions') {
    const version = extra !== undefined && /^\d+$/.test(extra) ? Number(extra) : null;
    return { screen, journeyId, version };
  }
  return screen ? { screen, journeyId } : { screen: 'journey', journeyId };
};

/** The hash of a route, the inverse of `routeOf`. */
export const hashOf = (route: Route): string => {
  const enc = encodeURIComponent;
  switch (route.screen) {
    case 'journeys':
      return '#/';
    case 'journey':
      return `#/journeys/${enc(route.journeyId)}`;
    case 'journey-settings':
      return `#/journeys/${enc(route.journeyId)}/settings`;
    case 'journey-versions':
      return `#/journeys/${enc(route.journeyId)}/versions${route.version === null ? '' : `/${route.version}`}`;
    case 'journey-publish':
      return `#/journeys/${enc(route.journeyId)}/publish`;
    case 'journey-live':
      return `#/journeys/${enc(route.journeyId)}/live`;
    case 'templates':
      return route.templateKey ? `#/templates/${enc(route.templateKey)}` : '#/templates';
    case 'coupons':
      return '#/coupons';
    case 'audiences':
      return '#/audiences';
    case 'customers':
      return route.customerId ? `#/customers/${enc(route.customerId)}` : '#/customers';
    case 'settings':
      return '#/settings';
    case 'imports':
      return route.importId ? `#/imports/${enc(route.importId)}` : '#/imports';
    case 'members':
      return '#/members';
    default:
      return assertNever(route);
  }
};

const assertNever = (value: never): never => {
  throw new Error(`Unknown route ${JSON.stringify(value)}`);
};

export const go = (route: Route): void => {
  window.location.hash = hashOf(route);
};
