import { audienceDefinitionSchema } from './audience-definition';
import { audienceDescription } from './audience-description';

const parse = (definition: unknown) => audienceDefinitionSchema.parse(definition);

const tierIsTop = {
  code: 'attribute',
  params: { path: 'value_tier', operator: 'eq', value: 'most-valuable' },
  parts: [],
};

describe('audienceDescription', () => {
  it('should give groups, profile tests and history tests as codes with raw values when nested', () => {
    const sut = audienceDescription(
      parse({
        any: [
          { attribute: { path: 'value_tier', operator: 'eq', value: 'most-valuable' } },
          {
            all: [
              { history: { event: 'Refund Requested', comparison: 'none', withinDays: null } },
              { attribute: { path: 'vip', operator: 'eq', value: true } },
            ],
          },
        ],
      }),
    );

    expect(sut).toEqual({
      code: 'any',
      params: {},
      parts: [
        tierIsTop,
        {
          code: 'all',
          params: {},
          parts: [
            // "Ever" is an empty period; a "has not done" test still carries the schema's count.
            {
              code: 'history',
              params: { event: 'Refund Requested', comparison: 'none', count: 1, withinDays: '' },
              parts: [],
            },
            { code: 'attribute', params: { path: 'vip', operator: 'eq', value: true }, parts: [] },
          ],
        },
      ],
    });
  });

  it('should read a group of one as its only condition', () => {
    const tier = { attribute: { path: 'value_tier', operator: 'eq', value: 'most-valuable' } };

    expect(audienceDescription(parse({ any: [{ all: [tier] }] }))).toEqual(tierIsTop);
  });

  it('should give a history test its property filters as parts, and no value for a test that takes none', () => {
    const where = [
      { path: 'products.category', operator: 'eq', value: 'lipstick' },
      { path: 'gift_wrap', operator: 'not_exists' },
    ];

    const sut = audienceDescription(parse({ history: { event: 'Order Completed', where, comparison: 'at-least' } }));

    expect(sut.parts).toEqual([
      { code: 'filter', params: { path: 'products.category', operator: 'eq', value: 'lipstick' }, parts: [] },
      { code: 'filter', params: { path: 'gift_wrap', operator: 'not_exists', value: null }, parts: [] },
    ]);
  });
});
