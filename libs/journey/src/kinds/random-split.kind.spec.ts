import { initialEnrollmentState } from '../interpreter/enrollment-state';
import { fieldIssueParams } from '../validation/field-issue';
import type { StepContext } from './node-kind';
import { randomSplitKind, type RandomSplitConfig } from './random-split.kind';

const NOW = new Date('2026-03-27T09:15:00.000Z');

const abc = randomSplitKind.schema.parse({
  branches: [
    { name: 'a', percent: 20 },
    { name: 'b', percent: 30 },
    { name: 'c', percent: 50 },
  ],
});

const stepWith = (draw: number, config: RandomSplitConfig = abc) => {
  let draws = 0;
  const ctx: StepContext<RandomSplitConfig> = {
    nodeId: 'ab',
    config,
    resumed: false,
    input: { type: 'entry' },
    state: initialEnrollmentState('ab', NOW),
    visit: 1,
    customer: { id: 'c1', externalId: null, email: null, phone: null, timeZone: null, locale: null, attributes: {} },
    trigger: null,
    history: {},
    zone: 'UTC',
    stepTime: NOW,
    now: NOW,
    random: () => {
      draws += 1;
      return draw;
    },
  };
  return { outcome: randomSplitKind.step(ctx), draws: () => draws };
};

describe('randomSplitKind', () => {
  it.each([
    { draw: 0, output: 'a' },
    { draw: 0.1999, output: 'a' },
    { draw: 0.2, output: 'b' },
    { draw: 0.4999, output: 'b' },
    { draw: 0.5, output: 'c' },
    { draw: 0.999999, output: 'c' },
  ])('should take $output when the draw is $draw', ({ draw, output }) => {
    const sut = stepWith(draw);

    expect(sut.outcome).toMatchObject({ type: 'next', output });
    expect(sut.draws()).toBe(1);
  });

  it('should give the draw in the reason when it chooses', () => {
    expect(stepWith(0.4242).outcome.reason).toEqual({
      nodeId: 'ab',
      code: 'random-split.drawn',
      params: { branch: 'b', percent: 30, draw: 42.42 },
    });
  });

  it('should offer one output per branch when drawn on the canvas', () => {
    expect(randomSplitKind.outputs(abc)).toEqual(['a', 'b', 'c']);
  });

  it.each<[{ name: string; percent: number }[], Record<string, unknown>]>([
    [
      [
        { name: 'a', percent: 50 },
        { name: 'b', percent: 40 },
      ],
      { message: 'field.split.percent-total', total: 90, field: 'branches' },
    ],
    [
      [
        { name: 'a', percent: 60 },
        { name: 'b', percent: 50 },
      ],
      { message: 'field.split.percent-total', total: 110 },
    ],
    [
      [
        { name: 'a', percent: 50.5 },
        { name: 'b', percent: 49.5 },
      ],
      { message: 'field.split.percent-whole' },
    ],
    [[{ name: 'a', percent: 100 }], { message: 'field.split.branches-min' }],
    [
      [
        { name: 'a', percent: 50 },
        { name: 'a', percent: 50 },
      ],
      { message: 'field.branch.name-repeated', name: 'a', field: 'branches.1.name' },
    ],
    [
      [
        { name: 'a', percent: 100 },
        { name: 'b', percent: 0 },
      ],
      { message: 'field.split.percent-min' },
    ],
    [
      [
        { name: 'x'.repeat(41), percent: 50 },
        { name: '', percent: 50 },
      ],
      { message: 'field.branch.name-max', maximum: 40 },
    ],
  ])('should name the rule and its values when the branches are %j', (branches, rule) => {
    const sut = randomSplitKind.schema.safeParse({ branches });

    expect(sut.error?.issues.map(fieldIssueParams)).toContainEqual(expect.objectContaining(rule));
  });

  it('should give the shares in the canvas summary', () => {
    expect(randomSplitKind.summary(abc)).toEqual({ code: 'random-split', params: { branches: '20% a, 30% b, 50% c' } });
  });
});
