import type { Route } from '../route-paths';

/** The API call a screen cannot be shown without: the navigation and the router both ask the role table about it. */
export type ScreenNeed = { method: 'GET'; path: string };

/**
 * What each screen reads first. Checked against the server's role table (`canRole`), not a list of roles per
 * screen: when the table changes (say, marketers may read members), the screens follow without an edit here.
 */
export const SCREEN_NEEDS = {
  journeys: { method: 'GET', path: '/journeys' },
  journey: { method: 'GET', path: '/journeys/:id' },
  'journey-settings': { method: 'GET', path: '/journeys/:id' },
  'journey-versions': { method: 'GET', path: '/journeys/:id/versions' },
  'journey-publish': { method: 'GET', path: '/journeys/:id/publish-summary' },
  'journey-live': { method: 'GET', path: '/journeys/:id/live' },
  templates: { method: 'GET', path: '/templates' },
  coupons: { method: 'GET', path: '/coupon-pools' },
  audiences: { method: 'GET', path: '/audiences' },
  customers: { method: 'GET', path: '/customers' },
  // Everyone reads the delivery rules; the providers and shop sources on the same screen are shown to admins only.
  settings: { method: 'GET', path: '/settings/delivery-rules' },
  imports: { method: 'GET', path: '/imports/:id' },
  members: { method: 'GET', path: '/members' },
} as const satisfies Record<Route['screen'], ScreenNeed>;
