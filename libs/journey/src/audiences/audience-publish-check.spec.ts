import { validateJourney } from '../validation/validate';

const journeyWith = (trigger: { kind: string; config: Record<string, unknown> }) => ({
  name: 'Loyal buyers thank-you',
  nodes: [
    { id: 'start', ...trigger },
    { id: 'done', kind: 'exit', config: {} },
  ],
  edges: [{ from: 'start', output: 'next', to: 'done' }],
});

const weekly = { kind: 'weekly', days: [1], time: '09:00' };

describe('publishing a journey that names a saved audience', () => {
  const context = { templates: null, audiences: new Set(['loyal-buyers']) };

  it.each([
    ['an audience trigger', { kind: 'audience-trigger', config: { audience: 'loyal-buyers' } }],
    [
      'a schedule for a saved audience',
      { kind: 'schedule-trigger', config: { audience: 'loyal-buyers', schedule: weekly } },
    ],
    ['a schedule for everyone', { kind: 'schedule-trigger', config: { audience: 'all', schedule: weekly } }],
  ])('should accept %s when the audience exists', (_what, trigger) => {
    expect(validateJourney(journeyWith(trigger), context)).toEqual([]);
  });

  it.each([
    ['an audience trigger', { kind: 'audience-trigger', config: { audience: 'lapsed' } }],
    ['a schedule', { kind: 'schedule-trigger', config: { audience: 'lapsed', schedule: weekly } }],
  ])('should refuse %s naming an audience the workspace does not have', (_what, trigger) => {
    expect(validateJourney(journeyWith(trigger), context)).toEqual([
      {
        code: 'audience.unknown',
        nodeId: 'start',
        path: ['config', 'audience'],
        params: { audience: 'lapsed' },
      },
    ]);
  });

  it('should not judge audiences when the workspace is not known (the editor offline)', () => {
    expect(
      validateJourney(journeyWith({ kind: 'audience-trigger', config: { audience: 'lapsed' } }), { templates: null }),
    ).toEqual([]);
  });
});
