import { nodeKinds } from '@rapport/journey';
import { z } from 'zod';
import { configFieldsOf, emptyValueOf, labelOf, parseJsonInput, valueAt, withValueAt } from './config-fields';

const controls = (fields: ReturnType<typeof configFieldsOf>) =>
  fields === null ? null : fields.map((field) => [field.path.join('.'), field.control, field.optional]);

describe('configFieldsOf', () => {
  it('should give a bounded number input and a select when the kind is a wait', () => {
    const sut = configFieldsOf(nodeKinds['wait-delay'].schema, 'wait-delay');
    expect(sut).toEqual([
      {
        name: 'amount',
        path: ['amount'],
        label: 'Amount',
        optional: false,
        control: 'number',
        nullable: false,
        min: 1,
        max: 100_000,
      },
      {
        name: 'unit',
        path: ['unit'],
        label: 'Unit',
        optional: false,
        control: 'select',
        options: ['minutes', 'hours', 'days', 'weeks'],
      },
    ]);
  });

  it('should pick an attribute picker, a duration group and a local time when the kind is the birthday trigger', () => {
    const sut = configFieldsOf(nodeKinds['date-trigger'].schema, 'date-trigger');
    expect(controls(sut)).toEqual([
      ['attribute', 'attribute', false],
      ['offset', 'group', false],
      ['atTime', 'time', false],
      ['recurrence', 'select', false],
      ['ifPast', 'select', false],
    ]);
    const offset = sut?.find((field) => field.name === 'offset');
    expect(offset?.control === 'group' && controls(offset.fields)).toEqual([
      ['offset.amount', 'number', false],
      ['offset.unit', 'select', false],
    ]);
  });

  it('should offer operators and a typed value when the kind is a condition', () => {
    const sut = configFieldsOf(nodeKinds['attribute-condition'].schema, 'attribute-condition');
    expect(controls(sut)).toEqual([
      ['source', 'select', false],
      ['path', 'attribute-or-property', false],
      ['operator', 'operator', false],
      ['value', 'value', true],
    ]);
  });

  it('should pick the workspace lists when a step sends an email, gives a coupon or names an audience', () => {
    expect(controls(configFieldsOf(nodeKinds['send-email'].schema, 'send-email'))?.[0]).toEqual([
      'template',
      'template',
      false,
    ]);
    expect(controls(configFieldsOf(nodeKinds['issue-coupon'].schema, 'issue-coupon'))).toEqual([
      ['pool', 'coupon-pool', false],
    ]);
    expect(controls(configFieldsOf(nodeKinds['audience-trigger'].schema, 'audience-trigger'))).toEqual([
      ['audience', 'audience', false],
    ]);
  });

  it('should repeat a group per branch and per event filter when the kind has lists', () => {
    const split = configFieldsOf(nodeKinds['multi-split'].schema, 'multi-split')?.[0];
    expect(split?.control).toBe('list');
    if (split?.control !== 'list') return;
    expect(controls(split.item)).toEqual([
      ['name', 'text', false],
      ['conditions', 'list', false],
    ]);
    expect(split.newItem()).toEqual({ name: '', conditions: [] });

    const where = configFieldsOf(nodeKinds['event-trigger'].schema, 'event-trigger')?.[1];
    expect(where?.control === 'list' && controls(where.item)).toEqual([
      ['path', 'property', false],
      ['operator', 'operator', false],
      ['value', 'value', true],
    ]);
  });

  it('should show weekdays and local times when the kind is a time window', () => {
    expect(controls(configFieldsOf(nodeKinds['time-window'].schema, 'time-window'))).toEqual([
      ['days', 'weekdays', true],
      ['from', 'time', false],
      ['to', 'time', false],
    ]);
  });

  it.each([
    [z.object({ on: z.boolean().default(false) }), [['on', 'checkbox', true]]],
    [z.object({}), []],
    [z.string(), null],
  ])('should map %# to its controls', (schema, expected) => {
    expect(controls(configFieldsOf(schema))).toEqual(expected);
  });
});

describe('emptyValueOf', () => {
  it('should start a new condition on its first choices with the optional value left out', () => {
    const condition = z.object({
      source: z.enum(['profile', 'event']),
      path: z.string(),
      value: z.number().optional(),
    });
    expect(emptyValueOf(condition)).toEqual({ source: 'profile', path: '' });
  });
});

describe('valueAt and withValueAt', () => {
  const config = { offset: { amount: 3, unit: 'days' }, branches: [{ name: 'a' }, { name: 'b' }] };

  it('should read nested values and lists', () => {
    expect(valueAt(config, ['offset', 'amount'])).toBe(3);
    expect(valueAt(config, ['branches', 1, 'name'])).toBe('b');
    expect(valueAt(config, ['missing', 'x'])).toBeUndefined();
  });

  it('should replace one nested value without changing the original', () => {
    const sut = withValueAt(config, ['branches', 1, 'name'], 'vip');
    expect(sut).toEqual({ ...config, branches: [{ name: 'a' }, { name: 'vip' }] });
    expect(config.branches[1]?.name).toBe('b');
  });

  it('should remove a key when the value is cleared', () => {
    expect(withValueAt({ atTime: '10:00', ifPast: 'skip' }, ['atTime'], undefined)).toEqual({ ifPast: 'skip' });
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
