import { newGroup, toDefinition, updateAt, type RuleDraft } from './audience-rules';

const repeatBuyers: RuleDraft = {
  type: 'group',
  match: 'all',
  rules: [
    { type: 'attribute', test: { path: 'value_tier', operator: 'eq', value: 'most-valuable' } },
    {
      type: 'group',
      match: 'any',
      rules: [
        { type: 'history', event: 'Order Completed', comparison: 'at-least', count: '2', withinDays: '90' },
        { type: 'attribute', test: { path: 'orders_count', operator: 'gte', value: '10' } },
      ],
    },
    { type: 'history', event: 'Refund Requested', comparison: 'none', count: '1', withinDays: '' },
  ],
};

describe('audience rules', () => {
  it('should build the documented definition when groups nest', () => {
    expect(toDefinition(repeatBuyers)).toEqual({
      all: [
        { attribute: { path: 'value_tier', operator: 'eq', value: 'most-valuable' } },
        {
          any: [
            { history: { event: 'Order Completed', comparison: 'at-least', count: 2, withinDays: 90 } },
            { attribute: { path: 'orders_count', operator: 'gte', value: 10 } },
          ],
        },
        { history: { event: 'Refund Requested', comparison: 'none', withinDays: null } },
      ],
    });
  });

  it('should drop the value of a test that needs none', () => {
    const sut = toDefinition({ type: 'attribute', test: { path: 'email', operator: 'exists', value: 'x' } });
    expect(sut).toEqual({ attribute: { path: 'email', operator: 'exists' } });
  });

  it('should replace or remove the rule at a nested position and leave the rest', () => {
    const replaced = updateAt(repeatBuyers, [1, 0], newGroup('any'));
    const removed = updateAt(repeatBuyers, [1, 1], null);

    expect((replaced as { rules: RuleDraft[] }).rules[1]).toMatchObject({
      rules: [{ type: 'group', match: 'any' }, {}],
    });
    expect((removed as { rules: { rules?: RuleDraft[] }[] }).rules[1]?.rules).toHaveLength(1);
    expect(repeatBuyers.rules).toHaveLength(3);
  });
});
