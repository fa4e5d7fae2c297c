import { NODE_KINDS, nodeKinds, type AnyNodeKind } from '@rapport/journey';
import { i18nFor } from '../i18n/i18n-context';
import { describeNode } from './node-description';

describe('describeNode', () => {
  it('should summarize from the registry when the config is valid', () => {
    expect(describeNode('wait-delay', { amount: 2, unit: 'days' })).toEqual({
      title: 'Wait for a while',
      summary: 'Wait 2 days',
      category: 'wait',
      outputs: ['next'],
      isConfigValid: true,
    });
  });

  it('should keep the outputs and say it needs settings when the config is invalid', () => {
    const sut = describeNode('attribute-condition', { source: 'profile', path: '' });
    expect(sut).toMatchObject({ summary: 'Needs settings', outputs: ['yes', 'no'], isConfigValid: false });
  });

  it('should give no outputs when the kind is unknown', () => {
    expect(describeNode('send-fax', {})).toMatchObject({ category: null, outputs: [], isConfigValid: false });
  });
});

describe('describeNode in the reader’s language', () => {
  const chinese = i18nFor('zh-CN').t;

  it('words the core’s summary code in Chinese, with the kind’s title and no English left', () => {
    expect(describeNode('wait-delay', { amount: 3, unit: 'days' }, chinese)).toMatchObject({
      title: '等待一段时间',
      summary: '等待 3 天',
    });
    expect(
      describeNode('attribute-condition', { source: 'profile', path: 'tier', operator: 'eq', value: 'vip' }, chinese)
        .summary,
    ).toBe('如果客户的 tier 等于 "vip"');
    expect(describeNode('send-fax', {}, chinese).summary).toBe('Rapport 不认识这种步骤');
  });

  it('names the weekdays in the reader’s language', () => {
    const window = { from: '21:00', to: '09:00', days: [1, 3] };
    expect(describeNode('time-window', window, chinese).summary).toBe(
      '仅在客户当地时间星期一和星期三的 21:00 至次日 09:00 之间继续',
    );
    expect(describeNode('time-window', window).summary).toBe(
      "Continue only between 21:00 and 09:00 (next day) on Monday and Wednesday, in the customer's time",
    );
    expect(describeNode('wait-time-of-day', { time: '10:00', days: [1, 2, 3, 4, 5] }, chinese).summary).toBe(
      '等待到下一个 10:00（工作日，客户当地时间）',
    );
  });

  it('reads in English exactly as the core’s own English summary for every kind with a summary code', () => {
    for (const kind of NODE_KINDS) {
      const definition = nodeKinds[kind] as AnyNodeKind;
      // Shorter on the canvas than the core's English line: the branch names, not each branch's conditions.
      if (!definition.summary || kind === 'multi-split') continue;
      const config = definition.schema.parse(definition.defaults) as Record<string, unknown>;
      expect({ kind, summary: describeNode(kind, config).summary }).toEqual({
        kind,
        summary: definition.summarize(config),
      });
    }
  });
});
