import { nodeKinds } from '@rapport/journey';
import { z } from 'zod';
import { configFieldsOf, labelOf, parseJsonInput } from './config-fields';

describe('configFieldsOf', () => {
  it('should give a number input and a select when the kind is a wait', () => {
    const sut = configFieldsOf(nodeKinds['wait-delay'].schema);
    expect(sut).toEqual([
      { name: 'amount', label: 'Amount', optional: false, control: 'number' },
      {
        name: 'unit',
        label: 'Unit',
        optional: false,
        control: 'select',
        options: ['minutes', 'hours', 'days', 'weeks'],
      },
    ]);
  });

  it('should read through a refined object and fall back to JSON when a field is a union', () => {
    const sut = configFieldsOf(nodeKinds['attribute-condition'].schema);
    expect(sut?.map((field) => [field.name, field.control, field.optional])).toEqual([
      ['source', 'select', false],
      ['path', 'text', false],
      ['operator', 'select', false],
      ['value', 'json', true],
    ]);
  });

  it.each([
    [z.object({ on: z.boolean().default(false) }), [{ name: 'on', label: 'On', optional: true, control: 'checkbox' }]],
    [z.object({}), []],
    [z.string(), null],
  ])('should map %# to its controls', (schema, expected) => {
    expect(configFieldsOf(schema)).toEqual(expected);
  });
});

describe('labelOf', () => {
  it.each([
    ['amount', 'Amount'],
    ['templateKey', 'Template key'],
    ['quiet_hours', 'Quiet hours'],
  ])('should turn %s into %s', (name, label) => {
    expect(labelOf(name)).toBe(label);
  });
});

describe('parseJsonInput', () => {
  it.each([
    ['50', 50],
    ['true', true],
    ['"gold"', 'gold'],
    ['gold', 'gold'],
    ['  ', undefined],
  ])('should read %j as %j', (text, value) => {
    expect(parseJsonInput(text)).toEqual(value);
  });
});
