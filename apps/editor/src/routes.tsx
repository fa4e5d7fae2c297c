import { useEffect, useState } from 'react';
import { useSession } from './auth/session-context';
import { canRole, roleNeeded } from './auth/use-can';
import { JourneyEditor } from './editor/JourneyEditor';
import { JourneyList } from './journeys/JourneyList';
import { RoleRequired } from './screens/access/RoleRequired';
import { SCREEN_NEEDS } from './screens/access/screen-access';
import { AudiencesScreen } from './screens/audiences/AudiencesScreen';
import { CouponsScreen } from './screens/coupons/CouponsScreen';
import { CustomersScreen } from './screens/customers/CustomersScreen';
import { JourneySettingsScreen } from './screens/journeys/JourneySettingsScreen';
import { LiveScreen } from './screens/journeys/LiveScreen';
import { ImportScreen } from './screens/imports/ImportScreen';
import { MembersScreen } from './screens/members/MembersScreen';
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
    case 'customers':
      return <CustomersScreen customerId={route.customerId} />;
    case 'settings':
      return <ChannelSettingsScreen />;
    case 'imports':
      return <ImportScreen importId={route.importId} />;
    case 'members':
      return <MembersScreen />;
    default:
      return assertNever(route);
  }
};

const assertNever = (value: never): never => {
  throw new Error(`Unknown screen ${JSON.stringify(value)}`);
};

/**
 * Every screen of the editor by its hash: the canvas full-window, the others under the main navigation. A screen
 * the member's role may not read (an admin area opened by its address) says so instead of failing on its calls.
 */
export const AppRoutes = () => {
  const route = useRoute();
  const session = useSession();
  const need = SCREEN_NEEDS[route.screen];
  const refused = session !== null && !canRole(session.role, need.method, need.path);
  if (route.screen === 'journey' && !refused)
    return <JourneyEditor journeyId={route.journeyId} onBack={backToJourneys} />;
  return (
    <>
      <ScreenNav current={route.screen} />
      <main className="screens">
        {refused ? (
          <RoleRequired
            needed={roleNeeded(need.method, need.path)}
            role={session.role}
            workspace={session.workspace.name}
          />
        ) : (
          route.screen !== 'journey' && screenOf(route)
        )}
      </main>
    </>
  );
};
