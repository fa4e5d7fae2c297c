import type { CustomerFacts } from '../graph/facts';
import { crossesThreshold, thresholdTriggerKind, type ThresholdTriggerConfig } from './threshold-trigger.kind';

const withPoints = (points: unknown): CustomerFacts => ({
  id: 'c1',
  externalId: null,
  email: null,
  phone: null,
  timeZone: null,
  locale: null,
  attributes: points === undefined ? {} : { loyalty_points: points },
});

const up: ThresholdTriggerConfig = { attribute: 'loyalty_points', threshold: 1000, direction: 'up' };
const down: ThresholdTriggerConfig = { ...up, direction: 'down' };

describe('crossesThreshold', () => {
  it.each([
    { config: up, before: 900, after: 1000, expected: true, when: 'the points reach exactly 1000' },
    { config: up, before: 900, after: 1500, expected: true, when: 'the points jump past 1000' },
    { config: up, before: undefined, after: 1200, expected: true, when: 'the points were never set' },
    { config: up, before: null, after: 1200, expected: true, when: 'the points were null' },
    { config: up, before: 1000, after: 1200, expected: false, when: 'the points were already at 1000' },
    { config: up, before: 1100, after: 1200, expected: false, when: 'the points stay above 1000' },
    { config: up, before: 900, after: 999, expected: false, when: 'the points stay below 1000' },
    { config: up, before: 900, after: '1200', expected: false, when: 'the new value is text' },
    { config: up, before: 'many', after: 1200, expected: false, when: 'the old value is not a number' },
    { config: up, before: 900, after: undefined, expected: false, when: 'the points were removed' },
    { config: up, before: 1200, after: 900, expected: false, when: 'the points go down' },
    { config: down, before: 1200, after: 900, expected: true, when: 'the points drop below 1000' },
    { config: down, before: 1000, after: 999, expected: true, when: 'the points drop from exactly 1000' },
    { config: down, before: 900, after: 800, expected: false, when: 'the points were already below' },
    { config: down, before: undefined, after: 800, expected: false, when: 'the points were never set' },
    { config: down, before: 1200, after: undefined, expected: false, when: 'the points were removed' },
    { config: down, before: 1200, after: '900', expected: false, when: 'the new value is text' },
  ])('should give $expected for $config.direction when $when', ({ config, before, after, expected }) => {
    expect(crossesThreshold(config, withPoints(before), withPoints(after))).toBe(expected);
  });
});

describe('thresholdTriggerKind', () => {
  it('should be keyed by the profile attribute when indexed', () => {
    expect(thresholdTriggerKind.trigger?.keys(up)).toEqual(['profile:loyalty_points']);
  });

  it.each([
    [up, 'up'],
    [down, 'down'],
  ])('should give the direction of %j in the canvas summary', (config, direction) => {
    expect(thresholdTriggerKind.summary(config)).toEqual({
      code: 'threshold-trigger',
      params: { attribute: 'loyalty_points', threshold: 1000, direction },
    });
  });

  it.each([
    [{ ...up, threshold: 'a lot' }, 'field.threshold.required'],
    [{ ...up, attribute: '' }, 'field.attribute.number-required'],
  ])('should explain the problem when the config is %j', (config, message) => {
    const sut = thresholdTriggerKind.schema.safeParse(config);

    expect(sut.error?.issues.map((issue) => issue.message)).toContain(message);
  });
});
