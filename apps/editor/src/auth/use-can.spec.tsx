import type { Role } from '@rapport/journey';
import { renderToStaticMarkup } from 'react-dom/server';
import type { Session } from './auth-api';
import { SessionContext } from './session-context';
import { canRole, roleNeeded, useCan } from './use-can';

describe('canRole (what the editor offers to each role)', () => {
  it.each<[Role | null, string, string, boolean]>([
    // Everyone reads the marketing areas; only marketers and admins change them.
    ['viewer', 'GET', '/journeys', true],
    ['viewer', 'PUT', '/journeys/j1', false],
    ['viewer', 'POST', '/journeys/j1/publish', false],
    ['viewer', 'POST', '/templates/welcome/preview', false],
    ['viewer', 'POST', '/imports/customers', false],
    ['viewer', 'GET', '/imports/i1', true],
    ['viewer', 'GET', '/customers/c1/timeline', true],
    ['viewer', 'PATCH', '/customers/c1', false],
    ['marketer', 'PUT', '/journeys/j1', true],
    ['marketer', 'POST', '/imports/orders', true],
    ['marketer', 'DELETE', '/coupon-pools/spring', true],
    // Admin areas: members and settings, with delivery rules readable by all but changed by admins only.
    ['marketer', 'GET', '/members', false],
    ['marketer', 'GET', '/settings/channels', false],
    ['marketer', 'GET', '/settings/shop-sources', false],
    ['marketer', 'GET', '/settings/delivery-rules', true],
    ['marketer', 'PUT', '/settings/delivery-rules', false],
    ['viewer', 'GET', '/settings/delivery-rules', true],
    ['admin', 'GET', '/members', true],
    ['admin', 'DELETE', '/members/u1', true],
    ['admin', 'PUT', '/settings/delivery-rules', true],
    ['admin', 'POST', '/settings/shop-sources', true],
    // Nobody signed in may do nothing, not even read.
    [null, 'GET', '/journeys', false],
  ])('should answer %s %s %s -> %s', (role, method, path, expected) => {
    expect(canRole(role, method, path)).toBe(expected);
  });

  it('should read a full /api path the same as the short one when the caller includes the prefix', () => {
    expect(canRole('marketer', 'GET', '/api/members')).toBe(false);
    expect(canRole('marketer', 'GET', '/api/journeys')).toBe(true);
    expect(roleNeeded('GET', '/api/members')).toBe('admin');
  });

  it('should match the admin areas whatever the letter case when a path is typed in capitals', () => {
    expect(canRole('marketer', 'GET', '/Members')).toBe(false);
    expect(canRole('marketer', 'GET', '/SETTINGS/channels')).toBe(false);
  });

  it('should name the weakest role allowed when a screen explains a refusal', () => {
    expect(roleNeeded('GET', '/members')).toBe('admin');
    expect(roleNeeded('POST', '/imports/customers')).toBe('marketer');
    expect(roleNeeded('GET', '/journeys')).toBe('viewer');
  });
});

describe('useCan', () => {
  const session = (role: Role): Session => ({
    user: { id: 'u1', email: 'mia@shop.example', name: 'Mia', locale: 'en' },
    workspace: { id: 'w1', name: 'Shop' },
    role,
    csrfToken: 'token',
    workspaces: [{ id: 'w1', name: 'Shop', role }],
  });
  const Probe = ({ method, path }: { method: string; path: string }) => <>{String(useCan(method, path))}</>;
  const render = (role: Role | null, method: string, path: string) =>
    renderToStaticMarkup(
      <SessionContext.Provider value={role === null ? null : session(role)}>
        <Probe method={method} path={path} />
      </SessionContext.Provider>,
    );

  it.each<[Role | null, string, string, string]>([
    ['viewer', 'PUT', '/journeys/j1', 'false'],
    ['marketer', 'PUT', '/journeys/j1', 'true'],
    ['marketer', 'GET', '/members', 'false'],
    ['admin', 'GET', '/members', 'true'],
    [null, 'GET', '/journeys', 'false'],
  ])('should follow the signed-in role (%s) for %s %s', (role, method, path, expected) => {
    expect(render(role, method, path)).toBe(expected);
  });
});
