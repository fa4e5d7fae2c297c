import { useEffect, useState } from 'react';
import { JourneyEditor } from './editor/JourneyEditor';
import { JourneyList } from './journeys/JourneyList';
import { AudiencesScreen } from './screens/audiences/AudiencesScreen';
import { CouponsScreen } from './screens/coupons/CouponsScreen';
import { JourneySettingsScreen } from './screens/journeys/JourneySettingsScreen';
import { LiveScreen } from './screens/journeys/LiveScreen';
import { PublishScreen } from './screens/journeys/PublishScreen';
import { VersionsScreen } from './screens/journeys/VersionsScreen';
import { go, routeOf, type Route } from './screens/route-paths';
import { ScreenNav } from './screens/ScreenNav';
import { ChannelSettingsScreen } from './screens/settings/ChannelSettingsScreen';
import { TemplatesScreen } from './screens/templates/TemplatesScreen';
import './screens/screens.css';

/** The current route, following the URL hash (back and forward buttons included). */
const useRoute = (): Route => {
  const [route, setRoute] = useState(() => routeOf(window.location.hash));
  useEffect(() => {
    const onHashChange = () => setRoute(routeOf(window.location.hash));
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);
  return route;
};

const backToJourneys = () => go({ screen: 'journeys' });

const screenOf = (route: Exclude<Route, { screen: 'journey' }>) => {
  switch (route.screen) {
    case 'journeys':
      return <JourneyList />;
    case 'journey-settings':
      return <JourneySettingsScreen journeyId={route.journeyId} />;
    case 'journey-versions':
      return <VersionsScreen journeyId={route.journeyId} version={route.version} />;
    case 'journey-publish':
      return <PublishScreen journeyId={route.journeyId} />;
    case 'journey-live':
      return <LiveScreen journeyId={route.journeyId} />;
    case 'templates':
      return <TemplatesScreen templateKey={route.templateKey} />;
    case 'coupons':
      return <CouponsScreen />;
    case 'audiences':
      return <AudiencesScreen />;
    case 'settings':
      return <ChannelSettingsScreen />;
    default:
      return assertNever(route);
  }
};

const assertNever = (value: never): never => {
  throw new Error(`Unknown screen ${JSON.stringify(value)}`);
};

/** Every screen of the editor by its hash: the canvas full-window, the others under the main navigation. */
export const AppRoutes = () => {
  const route = useRoute();
  if (route.screen === 'journey') return <JourneyEditor journeyId={route.journeyId} onBack={backToJourneys} />;
  return (
    <>
      <ScreenNav current={route.screen} />
      <main className="screens">{screenOf(route)}</main>
    </>
  );
};
