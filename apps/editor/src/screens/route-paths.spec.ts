import { hashOf, routeOf, type Route } from './route-paths';

describe('routes', () => {
  it.each<[string, Route]>([
    ['', { screen: 'journeys' }],
    ['#/', { screen: 'journeys' }],
    ['#/journeys/abc', { screen: 'journey', journeyId: 'abc' }],
    ['#/journeys/abc/settings', { screen: 'journey-settings', journeyId: 'abc' }],
    ['#/journeys/abc/versions', { screen: 'journey-versions', journeyId: 'abc', version: null }],
    ['#/journeys/abc/versions/3', { screen: 'journey-versions', journeyId: 'abc', version: 3 }],
    ['#/journeys/abc/publish', { screen: 'journey-publish', journeyId: 'abc' }],
    ['#/journeys/abc/live', { screen: 'journey-live', journeyId: 'abc' }],
    ['#/templates', { screen: 'templates', templateKey: null }],
    ['#/templates/thank-you', { screen: 'templates', templateKey: 'thank-you' }],
    ['#/coupons', { screen: 'coupons' }],
    ['#/audiences', { screen: 'audiences' }],
    ['#/customers', { screen: 'customers', customerId: null }],
    ['#/customers/79c1', { screen: 'customers', customerId: '79c1' }],
    ['#/settings', { screen: 'settings' }],
    ['#/imports', { screen: 'imports', importId: null }],
    ['#/imports/4f0c', { screen: 'imports', importId: '4f0c' }],
    ['#/members', { screen: 'members' }],
  ])('should open the right screen when the hash is %p', (hash, route) => {
    expect(routeOf(hash)).toEqual(route);
  });

  it('should come back to the same route when its hash is read again', () => {
    const route: Route = { screen: 'journey-versions', journeyId: 'a b/c', version: 2 };
    expect(routeOf(hashOf(route))).toEqual(route);
  });

  it('should fall back to the journey list or the canvas when a hash is unknown or malformed', () => {
    expect(routeOf('#/nowhere')).toEqual({ screen: 'journeys' });
    expect(routeOf('#/journeys/%E0%A4%A')).toEqual({ screen: 'journeys' });
    expect(routeOf('#/journeys/abc/unknown')).toEqual({ screen: 'journey', journeyId: 'abc' });
  });
});
