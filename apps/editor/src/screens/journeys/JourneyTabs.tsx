import type { JourneyStatus } from '../../api/api-client';
import { hashOf, type Route } from '../route-paths';
import { useT } from '../../i18n';
import type { MessageKey } from '@rapport/messages';

const TEXT = {
  nav: 'screens.journey-tabs.nav',
  canvas: 'screens.journey-tabs.canvas',
  settings: 'screens.journey-tabs.settings',
  versions: 'screens.journey-tabs.versions',
  publish: 'screens.journey-tabs.publish',
  live: 'screens.journey-tabs.live',
} as const satisfies Record<string, MessageKey | Record<string, MessageKey>>;

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
  const t = useT();
  const tabs: { label: string; route: Route }[] = [
    { label: t(TEXT.canvas), route: { screen: 'journey', journeyId } },
    { label: t(TEXT.settings), route: { screen: 'journey-settings', journeyId } },
    { label: t(TEXT.versions), route: { screen: 'journey-versions', journeyId, version: null } },
    { label: t(TEXT.publish), route: { screen: 'journey-publish', journeyId } },
    { label: t(TEXT.live), route: { screen: 'journey-live', journeyId } },
  ];
  return (
    <>
      <h1>
        {name} <span className={`status-pill status-pill--${status}`}>{t(`journeys.status.${status}`)}</span>
      </h1>
      <nav className="journey-tabs" aria-label={t(TEXT.nav)}>
        {tabs.map((tab) => (
          <a key={tab.label} href={hashOf(tab.route)} aria-current={tab.route.screen === current ? 'page' : undefined}>
            {tab.label}
          </a>
        ))}
      </nav>
    </>
  );
};
