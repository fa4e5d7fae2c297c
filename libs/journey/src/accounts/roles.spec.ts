import { hasRole, isRole, requiredRole } from './roles';

describe('roles', () => {
  it.each([
    ['GET', '/api/journeys', 'viewer'],
    ['HEAD', '/api/journeys/:id', 'viewer'],
    ['PUT', '/api/journeys/:id', 'marketer'],
    ['POST', '/api/journeys/:id/validate', 'marketer'],
    ['POST', '/api/audiences', 'marketer'],
    ['GET', '/api/settings/delivery-rules', 'viewer'],
    ['PUT', '/api/settings/delivery-rules', 'admin'],
    ['GET', '/api/settings/value-tiers', 'viewer'],
    ['PUT', '/api/settings/value-tiers', 'admin'],
    ['GET', '/api/settings/webhook-secret', 'admin'],
    ['GET', '/api/settings/shop-sources', 'admin'],
    ['GET', '/api/settings/something-added-later', 'admin'],
    ['GET', '/api/members', 'admin'],
    ['DELETE', '/api/members/:userId', 'admin'],
    ['POST', '/api/test-clock', 'admin'],
    ['PUT', '/API/Settings/Delivery-Rules', 'admin'],
    ['PUT', '/api/settings-like-but-not', 'marketer'],
    ['POST', '/api/something-added-later', 'marketer'],
  ] as const)('should need %s %s to be done by at least a %s', (method, path, role) => {
    expect(requiredRole(method, path)).toBe(role);
  });

  it('should rank admin over marketer over viewer', () => {
    expect([hasRole('admin', 'marketer'), hasRole('marketer', 'marketer'), hasRole('viewer', 'marketer')]).toEqual([
      true,
      true,
      false,
    ]);
    expect([isRole('viewer'), isRole('owner'), isRole('constructor')]).toEqual([true, false, false]);
  });
});
