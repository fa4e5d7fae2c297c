import { useSession } from '../auth/session-context';
import { canRole } from '../auth/use-can';
import { useT } from '../i18n';
import type { MessageKey } from '@rapport/messages';
import { SCREEN_NEEDS } from './access/screen-access';
import { hashOf, type Route } from './route-paths';
import './screens.css';

const TEXT = {
  nav: 'screens.nav.main',
  journeys: 'screens.nav.journeys',
  templates: 'screens.nav.templates',
  coupons: 'screens.nav.coupons',
  audiences: 'screens.nav.audiences',
  customers: 'screens.nav.customers',
  imports: 'screens.nav.imports',
  settings: 'screens.nav.settings',
  members: 'screens.nav.members',
} as const satisfies Record<string, MessageKey>;

const ITEMS: { label: MessageKey; route: Route; areas: Route['screen'][] }[] = [
  {
    label: TEXT.journeys,
    route: { screen: 'journeys' },
    areas: ['journeys', 'journey-settings', 'journey-versions', 'journey-publish', 'journey-live'],
  },
  { label: TEXT.templates, route: { screen: 'templates', templateKey: null }, areas: ['templates'] },
  { label: TEXT.coupons, route: { screen: 'coupons' }, areas: ['coupons'] },
  { label: TEXT.audiences, route: { screen: 'audiences' }, areas: ['audiences'] },
  { label: TEXT.customers, route: { screen: 'customers', customerId: null }, areas: ['customers'] },
  { label: TEXT.imports, route: { screen: 'imports', importId: null }, areas: ['imports'] },
  { label: TEXT.settings, route: { screen: 'settings' }, areas: ['settings'] },
  { label: TEXT.members, route: { screen: 'members' }, areas: ['members'] },
];

/** The areas of the app the member's role may open; the current one is marked for screen readers too. */
export const ScreenNav = ({ current }: { current: Route['screen'] }) => {
  const t = useT();
  const role = useSession()?.role ?? null;
  const items = ITEMS.filter((item) => {
    const need = SCREEN_NEEDS[item.route.screen];
    return canRole(role, need.method, need.path);
  });
  return (
    <nav className="screen-nav" aria-label={t(TEXT.nav)}>
      <ul>
        {items.map((item) => (
          <li key={item.label}>
            <a href={hashOf(item.route)} aria-current={item.areas.includes(current) ? 'page' : undefined}>
              {t(item.label)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
};
