import type { JourneyStatus } from '../../api/api-client';
import { hashOf, type Route } from '../route-paths';

const TEXT = {
  nav: 'This journey',
  canvas: 'Canvas',
  settings: 'Settings',
  versions: 'Versions',
  publish: 'Publish',
  live: 'Live numbers',
  status: { draft: 'draft', live: 'live', paused: 'paused', archived: 'archived' },
} as const satisfies Record<string, unknown>;

/** The journey's name and status, with its screens: canvas, settings, versions, publish, live numbers. */
export const JourneyTabs = ({
  journeyId,
  name,
  status,
  current,
}: {
  journeyId: string;
  name: string;
  status: JourneyStatus;
  current: Route['screen'];
}) => {
  const tabs: { label: string; route: Route }[] = [
    { label: TEXT.canvas, route: { screen: 'journey', journeyId } },
    { label: TEXT.settings, route: { screen: 'journey-settings', journeyId } },
    { label: TEXT.versions, route: { screen: 'journey-versions', journeyId, version: null } },
    { label: TEXT.publish, route: { screen: 'journey-publish', journeyId } },
    { label: TEXT.live, route: { screen: 'journey-live', journeyId } },
  ];
  return (
    <>
      <h1>
        {name} <span className={`status-pill status-pill--${status}`}>{TEXT.status[status]}</span>
      </h1>
      <nav className="journey-tabs" aria-label={TEXT.nav}>
        {tabs.map((tab) => (
          <a key={tab.label} href={hashOf(tab.route)} aria-current={tab.route.screen === current ? 'page' : undefined}>
            {tab.label}
          </a>
        ))}
      </nav>
    </>
  );
};
