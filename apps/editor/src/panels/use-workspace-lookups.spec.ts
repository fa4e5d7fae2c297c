import { withSeenEvents } from './use-workspace-lookups';

describe('withSeenEvents', () => {
  it('should add the events the workspace received and the properties seen on known ones, without repeats', () => {
    const known = [{ name: 'Order Completed', properties: [{ path: 'total', type: 'number' as const }] }];

    const sut = withSeenEvents(known, [
      {
        name: 'Order Completed',
        properties: [
          { path: 'total', type: 'number' },
          { path: 'gift_wrap', type: 'boolean' },
        ],
      },
      { name: 'Sample Requested', properties: [{ path: 'sku', type: 'string' }] },
    ]);

    expect(sut).toEqual([
      {
        name: 'Order Completed',
        properties: [
          { path: 'total', type: 'number' },
          { path: 'gift_wrap', type: 'boolean' },
        ],
      },
      { name: 'Sample Requested', properties: [{ path: 'sku', type: 'string' }] },
    ]);
  });
});
