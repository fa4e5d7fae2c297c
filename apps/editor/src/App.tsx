import { SessionGate } from './auth/SessionGate';
import { AppRoutes } from './routes';

/** Every screen, addressed by the URL hash so it can be bookmarked (see routes.tsx), only for a signed-in member. */
export const App = () => (
  <SessionGate>
    <AppRoutes />
  </SessionGate>
);
