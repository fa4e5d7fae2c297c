import { useSession } from '../auth/session-context';
import { canRole } from '../auth/use-can';
import { SCREEN_NEEDS } from './access/screen-access';
import { hashOf, type Route } from './route-paths';
import './screens.css';

const TEXT = {
  nav: 'Main',
  journeys: 'Journeys',
  templates: 'Templates',
  coupons: 'Coupon pools',
  audiences: 'Audiences',
  imports: 'Import',
  settings: 'Channel settings',
  members: 'Members',
} as const;

const ITEMS: { label: string; route: Route; areas: Route['screen'][] }[] = [
  {
    label: TEXT.journeys,
    route: { screen: 'journeys' },
    areas: ['journeys', 'journey-settings', 'journey-versions', 'journey-publish', 'journey-live'],
  },
  { label: TEXT.templates, route: { screen: 'templates', templateKey: null }, areas: ['templates'] },
  { label: TEXT.coupons, route: { screen: 'coupons' }, areas: ['coupons'] },
  { label: TEXT.audiences, route: { screen: 'audiences' }, areas: ['audiences'] },
  { label: TEXT.imports, route: { screen: 'imports', importId: null }, areas: ['imports'] },
  { label: TEXT.settings, route: { screen: 'settings' }, areas: ['settings'] },
  { label: TEXT.members, route: { screen: 'members' }, areas: ['members'] },
];

/** The areas of the app the member's role may open; the current one is marked for screen readers too. */
export const ScreenNav = ({ current }: { current: Route['screen'] }) => {
  const role = useSession()?.role ?? null;
  const items = ITEMS.filter((item) => {
    const need = SCREEN_NEEDS[item.route.screen];
    return canRole(role, need.method, need.path);
  });
  return (
    <nav className="screen-nav" aria-label={TEXT.nav}>
      <ul>
        {items.map((item) => (
          <li key={item.label}>
            <a href={hashOf(item.route)} aria-current={item.areas.includes(current) ? 'page' : undefined}>
              {item.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
};
