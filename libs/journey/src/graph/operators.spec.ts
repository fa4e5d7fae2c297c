import { compareValues, type ComparisonOperator } from './operators';

describe('compareValues', () => {
  it.each<[unknown, ComparisonOperator, unknown, boolean]>([
    [50, 'gte', 50, true],
    ['50', 'gte', 50, true],
    [49.99, 'gte', 50, false],
    [null, 'gte', 50, false],
    ['abc', 'gt', 5, false],
    [3, 'lt', 5, true],
    [5, 'lte', 5, true],
    ['2026-01-02', 'gt', '2026-01-01', true],
    ['Gold', 'eq', 'gold', true],
    [10, 'eq', '10', true],
    [undefined, 'neq', 'gold', false],
    ['silver', 'neq', 'gold', true],
    [['mascara', 'eyeshadow'], 'contains', 'mascara', true],
    ['Blue Eyeshadow', 'contains', 'eyeshadow', true],
    ['', 'exists', undefined, false],
    [0, 'exists', undefined, true],
    [undefined, 'not_exists', undefined, true],
  ])('should say %j %s %j is %s', (actual, operator, expected, result) => {
    expect(compareValues(actual, operator, expected)).toBe(result);
  });
});
