import type { CustomerFacts } from '../graph/facts';
import {
  attributeChanged,
  attributeChangeTriggerKind,
  type AttributeChangeTriggerConfig,
} from './attribute-change-trigger.kind';

const withTier = (tier: unknown): CustomerFacts => ({
  id: 'c1',
  externalId: null,
  email: null,
  phone: null,
  timeZone: null,
  locale: null,
  attributes: tier === undefined ? {} : { value_tier: tier },
});

const anyChange: AttributeChangeTriggerConfig = { attribute: 'value_tier' };
const toValuable: AttributeChangeTriggerConfig = { attribute: 'value_tier', to: 'most-valuable' };
const fromValuable: AttributeChangeTriggerConfig = { attribute: 'value_tier', from: 'most-valuable' };

describe('attributeChanged', () => {
  it.each([
    {
      config: toValuable,
      before: 'other',
      after: 'most-valuable',
      expected: true,
      when: 'the tier becomes the one named',
    },
    {
      config: toValuable,
      before: undefined,
      after: 'most-valuable',
      expected: true,
      when: 'the first tier is the one named',
    },
    { config: toValuable, before: 'most-valuable', after: 'most-valuable', expected: false, when: 'the tier stays' },
    {
      config: toValuable,
      before: 'other',
      after: 'most-growable',
      expected: false,
      when: 'the tier becomes another one',
    },
    { config: toValuable, before: 'other', after: 'Most-Valuable', expected: true, when: 'only the case differs' },
    { config: anyChange, before: 'other', after: 'below-zero', expected: true, when: 'any new tier is asked for' },
    { config: anyChange, before: 'other', after: undefined, expected: false, when: 'the tier is removed' },
    { config: anyChange, before: 'other', after: '', expected: false, when: 'the tier is emptied' },
    {
      config: fromValuable,
      before: 'most-valuable',
      after: 'other',
      expected: true,
      when: 'the tier leaves the one named',
    },
    {
      config: fromValuable,
      before: 'most-growable',
      after: 'other',
      expected: false,
      when: 'it came from another tier',
    },
    {
      config: { attribute: 'value_tier', to: '5' },
      before: 4,
      after: 5,
      expected: true,
      when: 'a number reaches the typed value',
    },
  ])('should give $expected when $when', ({ config, before, after, expected }) => {
    expect(attributeChanged(config, withTier(before), withTier(after))).toBe(expected);
  });

  it('should be looked up by the top-level attribute a profile change names', () => {
    expect(attributeChangeTriggerKind.trigger?.keys({ attribute: 'scores.tier' })).toEqual(['profile:scores']);
    expect(attributeChangeTriggerKind.trigger?.keys(toValuable)).toEqual(['profile:value_tier']);
  });

  it('should give the change in the canvas summary, with no "from" when any old value counts', () => {
    expect(attributeChangeTriggerKind.summary({ ...toValuable, from: 'other' })).toEqual({
      code: 'attribute-change-trigger',
      params: { attribute: 'value_tier', from: 'other', to: 'most-valuable' },
    });
    expect(attributeChangeTriggerKind.summary(toValuable).params).toMatchObject({ from: '', to: 'most-valuable' });
  });
});
