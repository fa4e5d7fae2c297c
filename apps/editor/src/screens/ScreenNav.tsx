import { hashOf, type Route } from './route-paths';
import './screens.css';

const TEXT = {
  nav: 'Main',
  journeys: 'Journeys',
  templates: 'Templates',
  coupons: 'Coupon pools',
  audiences: 'Audiences',
  settings: 'Channel settings',
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
  { label: TEXT.settings, route: { screen: 'settings' }, areas: ['settings'] },
];

/** The areas of the app; the current one is marked for screen readers too. */
export const ScreenNav = ({ current }: { current: Route['screen'] }) => (
  <nav className="screen-nav" aria-label={TEXT.nav}>
    <ul>
      {ITEMS.map((item) => (
        <li key={item.label}>
          <a href={hashOf(item.route)} aria-current={item.areas.includes(current) ? 'page' : undefined}>
            {item.label}
          </a>
        </li>
      ))}
    </ul>
  </nav>
);
