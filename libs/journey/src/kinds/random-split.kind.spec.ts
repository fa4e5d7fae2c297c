import { initialEnrollmentState } from '../interpreter/enrollment-state';
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

  it.each([
    [
      [
        { name: 'a', percent: 50 },
        { name: 'b', percent: 40 },
      ],
      'the percentages add up to 90%; make them add up to 100%',
    ],
    [
      [
        { name: 'a', percent: 60 },
        { name: 'b', percent: 50 },
      ],
      'the percentages add up to 110%; make them add up to 100%',
    ],
    [
      [
        { name: 'a', percent: 50.5 },
        { name: 'b', percent: 49.5 },
      ],
      'field.split.percent-whole',
    ],
    [[{ name: 'a', percent: 100 }], 'field.split.branches-min'],
    [
      [
        { name: 'a', percent: 50 },
        { name: 'a', percent: 50 },
      ],
      'two branches are called "a"; give each its own name',
    ],
    [
      [
        { name: 'a', percent: 100 },
        { name: 'b', percent: 0 },
      ],
      'field.split.percent-min',
    ],
  ])('should explain the problem when the branches are %j', (branches, message) => {
    const sut = randomSplitKind.schema.safeParse({ branches });

    expect(sut.error?.issues.map((issue) => issue.message)).toContain(message);
  });

  it('should summarize the shares when shown on the canvas', () => {
    expect(randomSplitKind.summarize(abc)).toBe('Split at random: 20% a, 30% b, 50% c');
  });
});
