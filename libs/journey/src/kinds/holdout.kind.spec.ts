import { initialEnrollmentState } from '../interpreter/enrollment-state';
import { holdoutKind, type HoldoutConfig } from './holdout.kind';
import type { StepContext } from './node-kind';

const NOW = new Date('2026-03-27T09:15:00.000Z');

const stepWith = (draw: number, config: HoldoutConfig = { controlPercent: 10 }) => {
  const ctx: StepContext<HoldoutConfig> = {
    nodeId: 'holdout',
    config,
    resumed: false,
    input: { type: 'entry' },
    state: initialEnrollmentState('holdout', NOW),
    visit: 1,
    customer: { id: 'c1', externalId: null, email: null, phone: null, timeZone: null, locale: null, attributes: {} },
    trigger: null,
    history: {},
    zone: 'UTC',
    stepTime: NOW,
    now: NOW,
    random: () => draw,
  };
  return holdoutKind.step(ctx);
};

describe('holdoutKind', () => {
  it.each([
    { draw: 0, group: 'control' },
    { draw: 0.0999, group: 'control' },
    { draw: 0.1, group: 'treatment' },
    { draw: 0.9999, group: 'treatment' },
  ])('should put the customer in $group when the draw is $draw with 10% held back', ({ draw, group }) => {
    expect(stepWith(draw)).toMatchObject({ type: 'next', output: group, tags: { holdout: group } });
  });

  it('should give the draw and the group in the reason when it assigns', () => {
    expect(stepWith(0.0512).reason).toEqual({
      nodeId: 'holdout',
      code: 'holdout.assigned',
      params: { group: 'control', controlPercent: 10, draw: 5.12 },
    });
  });

  it.each([
    [0, 'field.holdout.min'],
    [51, 'field.holdout.max'],
    ['10', 'field.holdout.required'],
  ])('should explain the problem when the control share is %j', (controlPercent, message) => {
    expect(holdoutKind.schema.safeParse({ controlPercent }).error?.issues[0]?.message).toBe(message);
  });

  it('should offer treatment and control outputs when drawn on the canvas', () => {
    expect(holdoutKind.outputs({ controlPercent: 10 })).toEqual(['treatment', 'control']);
  });
});
