import { nodeKinds } from '@rapport/journey';
import { isMessageKey } from '@rapport/messages';
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

  it('should choose the schedule as every week or once, each with its own fields, when the kind is scheduled', () => {
    const sut = configFieldsOf(nodeKinds['schedule-trigger'].schema, 'schedule-trigger');
    expect(controls(sut)).toEqual([
      ['audience', 'audience', false],
      ['schedule', 'variant', false],
    ]);
    const schedule = sut?.[1];
    if (schedule?.control !== 'variant') throw new Error('the schedule is not a choice of shapes');
    expect(schedule).toMatchObject({ discriminator: 'kind', choiceLabel: 'How often' });
    expect(schedule.variants.map((variant) => [variant.value, variant.label, controls(variant.fields)])).toEqual([
      [
        'weekly',
        'Every week',
        [
          ['schedule.days', 'weekdays', false],
          ['schedule.time', 'time', false],
        ],
      ],
      [
        'once',
        'Once',
        [
          ['schedule.date', 'date', false],
          ['schedule.time', 'time', false],
        ],
      ],
    ]);
  });

  it('should word every shape of every kind from the catalog when a setting takes one of several shapes', () => {
    const variants = Object.entries(nodeKinds).flatMap(([kind, definition]) =>
      (configFieldsOf(definition.schema, kind) ?? []).flatMap((field) =>
        field.control === 'variant' ? field.variants.map((variant) => `${field.name}.${variant.value}`) : [],
      ),
    );
    expect(variants).toContain('schedule.once');
    for (const name of variants) expect(isMessageKey(`form.variant.${name}`)).toBe(true);
  });

  it('should keep a condition value free-typed when its union has no discriminator', () => {
    const sut = configFieldsOf(
      z.object({ value: z.union([z.string(), z.number()]), other: z.union([z.string(), z.number()]) }),
    );
    expect(controls(sut)).toEqual([
      ['value', 'value', false],
      ['other', 'json', false],
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

  it('should start a setting of several shapes on its first shape with the discriminator set', () => {
    const timing = z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('after'), days: z.number() }),
      z.object({ kind: z.literal('at'), time: z.string() }),
    ]);
    expect(emptyValueOf(z.object({ timing }))).toEqual({ timing: { kind: 'after', days: 0 } });
  });
});

describe('switching the shape of a schedule', () => {
  const { schema, defaults } = nodeKinds['schedule-trigger'];
  const variant = (value: string) => {
    const schedule = configFieldsOf(schema, 'schedule-trigger', defaults)?.[1];
    const found = schedule?.control === 'variant' && schedule.variants.find((option) => option.value === value);
    if (!found) throw new Error(`no ${value} shape`);
    return found;
  };
  // The fields the schema refuses, each once (an empty date fails both its format and its calendar check).
  const problemsOf = (schedule: unknown) => [
    ...new Set(
      schema.safeParse({ audience: 'newsletter', schedule }).error?.issues.map((issue) => issue.path.join('.')),
    ),
  ];

  it('should start every week from the defaults and keep the time when switching from once', () => {
    const sut = variant('weekly').start({ kind: 'once', date: '2026-11-27', time: '18:30' });

    expect(sut).toEqual({ kind: 'weekly', days: [1], time: '18:30' });
    expect(problemsOf(sut)).toEqual([]);
  });

  it('should start once with the time kept and only the date left to choose when switching from every week', () => {
    const sut = variant('once').start({ kind: 'weekly', days: [1, 3], time: '07:15' });

    expect(sut).toEqual({ kind: 'once', date: '', time: '07:15' });
    expect(problemsOf(sut)).toEqual(['schedule.date']);
    expect(problemsOf({ ...sut, date: '2026-11-27' })).toEqual([]);
  });

  it('should not keep a value the new shape refuses', () => {
    expect(variant('weekly').start({ kind: 'once', date: '2026-11-27', time: 'noon' })).toEqual({
      kind: 'weekly',
      days: [1],
      time: '09:00',
    });
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
