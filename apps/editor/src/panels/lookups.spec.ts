import { attributesFromApi, attributesFromCustomers, operatorsFor, typeOfPath } from './lookups';
import { KNOWN_EVENTS } from './known-events';

describe('attributesFromApi', () => {
  it('should keep name, label and type of each listed attribute', () => {
    const sut = attributesFromApi({
      attributes: [
        { name: 'birthday', type: 'date', label: 'Birthday', source: 'declared' },
        { name: 'products_bought', type: 'list', label: 'Products bought', source: 'computed' },
        { name: 'odd', type: 'mystery' },
        { nope: true },
      ],
    });
    expect(sut).toEqual([
      { name: 'birthday', label: 'Birthday', type: 'date' },
      { name: 'products_bought', label: 'Products bought', type: 'list' },
      { name: 'odd', label: null, type: 'unknown' },
    ]);
  });
});

describe('attributesFromCustomers', () => {
  it('should type attributes from their values and mark mixed ones unknown', () => {
    const sut = attributesFromCustomers([
      { attributes: { tier: 'vip', points: 1200, birthday: '1990-05-04' } },
      { attributes: { tier: 'gold', points: '12', newsletter: true } },
      {},
    ]);
    expect(sut.slice(4)).toEqual([
      { name: 'birthday', label: null, type: 'date' },
      { name: 'newsletter', label: null, type: 'boolean' },
      { name: 'points', label: null, type: 'unknown' },
      { name: 'tier', label: null, type: 'string' },
    ]);
    expect(sut.slice(0, 4).map((attribute) => attribute.name)).toEqual(['email', 'phone', 'timeZone', 'locale']);
  });
});

describe('operatorsFor', () => {
  it('should offer ordering tests for numbers and text tests for strings', () => {
    expect(operatorsFor('number')).toContain('gte');
    expect(operatorsFor('number')).not.toContain('contains');
    expect(operatorsFor('string')).toContain('contains');
    expect(operatorsFor('string')).not.toContain('gt');
    expect(operatorsFor('boolean')).toEqual(['eq', 'neq', 'exists', 'not_exists']);
  });

  it('should keep the chosen test offered when it does not fit the type', () => {
    expect(operatorsFor('boolean', 'gt')).toContain('gt');
  });
});

describe('typeOfPath', () => {
  const lookups = { attributes: [{ name: 'tier', label: null, type: 'string' as const }], events: KNOWN_EVENTS };

  it('should read a profile attribute type and an event property type', () => {
    expect(typeOfPath(lookups, 'profile', 'tier')).toBe('string');
    expect(typeOfPath(lookups, 'event', 'total')).toBe('number');
    expect(typeOfPath(lookups, 'event', 'total', 'Signed Up')).toBe('unknown');
    expect(typeOfPath(lookups, 'profile', 'nope')).toBe('unknown');
  });
});
