import { DEFAULT_JOURNEY_SETTINGS, type JourneySettings } from '@rapport/journey';
import { en } from './catalog.en';
import { zhCN } from './catalog.zh-CN';
import {
  describeConnection,
  describeSettingValue,
  describeStepChange,
  wordPublishSummary,
  type PublishStepChange,
  type PublishSummary,
} from './publish-words';

const wait = { nodeId: 'wait', kind: 'wait-delay', label: null };
const vip = { nodeId: 'vip', kind: 'attribute-condition', label: 'VIP?' };

const summary: PublishSummary = {
  liveVersion: 1,
  nextVersion: 2,
  inJourney: 3,
  nodes: {
    added: [{ nodeId: 'coupon', kind: 'issue-coupon', label: null }],
    removed: [{ ...wait, waiting: 2, outcome: { code: 'step.removed', params: { waiting: 2 } } }],
    changed: [
      {
        ...vip,
        changes: [{ code: 'config', field: 'value', before: 'gold', after: 'platinum', choice: false }],
        waiting: 1,
        outcome: { code: 'step.changed', params: { waiting: 1 } },
      },
    ],
  },
  connections: { added: [{ from: vip, output: 'yes', to: wait }], removed: [] },
  settings: [
    {
      field: 'entry',
      before: { mode: 'once' },
      after: { mode: 'once-per-period', period: { amount: 1, unit: 'years' } },
      outcome: { code: 'setting.entry', params: {} },
    },
  ],
  unchanged: false,
};

describe('wordPublishSummary', () => {
  it('should word every sentence in English and keep every code and value beside it', () => {
    const sut = wordPublishSummary('en', summary);

    expect(sut.nodes.removed[0]).toEqual({
      ...summary.nodes.removed[0],
      title: 'Wait for a while',
      outcome: {
        code: 'step.removed',
        params: { waiting: 2 },
        message:
          '2 customers here now stay on the version they entered and carry on along its steps; new entrants will not reach this step.',
      },
    });
    expect(sut.nodes.added).toEqual([
      { nodeId: 'coupon', kind: 'issue-coupon', label: null, title: 'Give a unique coupon' },
    ]);
    expect(sut.nodes.changed[0]).toMatchObject({
      title: 'VIP?',
      changes: [{ code: 'config', field: 'value', message: 'Value ("gold" → "platinum")' }],
      outcome: {
        message: '1 customer here now keeps the settings of the version they entered; new entrants get the new ones.',
      },
    });
    expect(sut.connections.added[0]?.message).toBe('VIP? ("yes") → Wait for a while');
    expect(sut.settings[0]).toMatchObject({
      field: 'entry',
      before: { mode: 'once' },
      message: 'Entry rule (Once ever → Once per 1 year)',
      outcome: {
        code: 'setting.entry',
        message: 'Applies to new entries from now on (passages through every version count towards it).',
      },
    });
  });

  it('should word every sentence in Chinese, steps without a label by their kind’s Chinese title', () => {
    const sut = wordPublishSummary('zh-CN', summary);

    expect(sut.nodes.removed[0]?.title).toBe('等待一段时间');
    expect(sut.nodes.removed[0]?.outcome.message).toBe(
      '此处现有 2 位客户，他们留在进入时的版本上，沿该版本的步骤继续；新进入的客户不会到达此步骤。',
    );
    expect(sut.nodes.changed[0]?.outcome.message).toBe(
      '此处现有 1 位客户，他们保留进入时版本的设置；新进入的客户使用新的设置。',
    );
    expect(sut.nodes.changed[0]?.changes[0]?.message).toBe('值（由 “gold” 改为 “platinum”）');
    expect(sut.connections.added[0]?.message).toBe('VIP?（“yes”出口） → 等待一段时间');
    expect(sut.settings[0]?.message).toBe('进入规则（由 仅一次 改为 每 1 年一次）');
    const messages = JSON.stringify(sut).match(/"message":"[^"]*"/g) ?? [];
    expect(messages).toHaveLength(6);
    for (const message of messages) expect(message).toMatch(/^"message":"[^{}]*[\u4e00-\u9fff][^{}]*"$/);
  });

  it('should say nobody is there when a removed or changed step is empty', () => {
    const empty = {
      ...summary,
      nodes: {
        ...summary.nodes,
        removed: [{ ...wait, waiting: 0, outcome: { code: 'step.removed' as const, params: { waiting: 0 } } }],
      },
    };

    expect(wordPublishSummary('en', empty).nodes.removed[0]?.outcome.message).toBe(
      'Nobody is here now. New entrants will not reach this step.',
    );
    expect(wordPublishSummary('zh-CN', empty).nodes.removed[0]?.outcome.message).toBe(
      '此处现在没有客户。新进入的客户不会到达此步骤。',
    );
  });
});

describe('the publish summary’s catalog', () => {
  it('should have an outcome sentence for every step outcome and every journey setting in both languages', () => {
    const codes = [
      'step.removed',
      'step.changed',
      ...Object.keys(DEFAULT_JOURNEY_SETTINGS).map((field) => `setting.${field}`),
    ];

    for (const code of codes) {
      expect({ code, en: `publish.outcome.${code}` in en, zh: `publish.outcome.${code}` in zhCN }).toEqual({
        code,
        en: true,
        zh: true,
      });
    }
  });
});

describe('describeSettingValue', () => {
  const goal = { event: 'Order Completed', where: [], sameAsTrigger: [], withinDays: 14, exitOnGoal: true };
  const exit = [{ source: 'profile' as const, path: 'tier', operator: 'eq' as const, value: 'vip' }];

  it.each<[keyof JourneySettings, unknown, string, string]>([
    ['entry', { mode: 'once-per-period', period: { amount: 1, unit: 'years' } }, 'Once per 1 year', '每 1 年一次'],
    ['entry', { mode: 'once-per-period', period: { amount: 2, unit: 'weeks' } }, 'Once per 2 weeks', '每 2 周一次'],
    [
      'entry',
      { mode: 'any-time', maxConcurrent: 3 },
      'Every time the trigger fires, at most 3 passages at once',
      '每次触发都可进入，同时最多 3 次经过',
    ],
    [
      'entry',
      { mode: 'any-time', maxConcurrent: null },
      en['screens.entry.modes.any-time'],
      zhCN['screens.entry.modes.any-time'],
    ],
    ['entry', { mode: 'after-exit' }, en['screens.entry.modes.after-exit'], zhCN['screens.entry.modes.after-exit']],
    ['entryLimit', null, 'No limit', '不限'],
    ['entryLimit', 500, '500 entries in total', '总共 500 次进入'],
    ['goal', null, 'No goal', '无目标'],
    [
      'goal',
      goal,
      '"Order Completed" within 14 days of entry, then leave the journey',
      '进入后 14 天内发生 “Order Completed”，然后离开旅程',
    ],
    ['exitWhen', null, 'None', '无'],
    ['exitWhen', exit, 'Customer tier equals "vip"', '客户 tier 等于 “vip”'],
    ['timeZone', null, "The workspace's time zone", '工作区的时区'],
    ['timeZone', 'Asia/Shanghai', 'Asia/Shanghai', 'Asia/Shanghai'],
  ])('should word %s %j in English and Chinese', (field, value, english, chinese) => {
    expect(describeSettingValue('en', field, value as never)).toBe(english);
    expect(describeSettingValue('zh-CN', field, value as never)).toBe(chinese);
  });

  it('should word the default settings without JSON in either language', () => {
    for (const field of Object.keys(DEFAULT_JOURNEY_SETTINGS) as (keyof JourneySettings)[]) {
      for (const locale of ['en', 'zh-CN'] as const) {
        const sut = describeSettingValue(locale, field, DEFAULT_JOURNEY_SETTINGS[field] as never);
        expect({ field, locale, sut, json: /[{}[\]]/.test(sut) }).toEqual({ field, locale, sut, json: false });
      }
    }
  });
});

describe('describeStepChange', () => {
  it.each<[PublishStepChange, string, string]>([
    [
      { code: 'config', field: 'amount', before: 27, after: 25, choice: false },
      'Amount (27 → 25)',
      '数量（由 27 改为 25）',
    ],
    [
      { code: 'config', field: 'unit', before: 'days', after: 'weeks', choice: true },
      'Unit (days → weeks)',
      '单位（由 天 改为 周）',
    ],
    [
      { code: 'config', field: 'where', before: [], after: [{ path: 'x' }], choice: false },
      en['form.field.where'],
      zhCN['form.field.where'],
    ],
    [{ code: 'label', before: null, after: 'Refill' }, 'name (no name → "Refill")', '名称（由 无名称 改为 “Refill”）'],
    [
      { code: 'kind', before: 'wait-delay', after: 'exit' },
      'kind of step (Wait for a while → Exit the journey)',
      '步骤类型（由 等待一段时间 改为 退出旅程）',
    ],
    [{ code: 'connections' }, 'where it leads', '去向'],
  ])('should word %j by the field label in both languages', (change, english, chinese) => {
    expect(describeStepChange('en', change)).toBe(english);
    expect(describeStepChange('zh-CN', change)).toBe(chinese);
  });

  it('should name an unlabelled step by its kind in a connection, and leave out the one-way "next" output', () => {
    const sut = describeConnection('en', {
      from: wait,
      output: 'next',
      to: { nodeId: 'end', kind: 'exit', label: null },
    });

    expect(sut).toBe('Wait for a while → Exit the journey');
  });
});
