import { audienceDefinitionSchema, fieldIssueParams, validateJourney } from '@rapport/journey';
import type { MessageKey } from './catalog.en';
import type { Locale } from './locale';
import { describeProblem, toMessageParams, translate } from './translate';

/** A step's invalid settings, as the marketer reads them: the core gives keys, the catalog gives the words. */
const settingsProblems = (config: Record<string, unknown>, kind = 'wait-delay') =>
  validateJourney({
    name: 'Birthday',
    nodes: [
      { id: 'start', kind: 'audience-trigger', config: { audience: 'vip' } },
      { id: 'step', kind, config },
    ],
    edges: [{ from: 'start', output: 'next', to: 'step' }],
  }).filter((found) => found.code === 'node.invalid-config');

describe('invalid settings worded in the reader language', () => {
  it('words a rule the kind names by key, in English as before and in Chinese', () => {
    const [sut] = settingsProblems({ amount: 0, unit: 'days' });

    expect(sut?.params['message']).toBe('field.wait.min');
    expect(describeProblem('en', sut!)).toBe('This step\'s setting "amount" is not valid: wait at least 1.');
    expect(describeProblem('zh-CN', sut!)).toBe('此步骤的设置“amount”无效：至少等待 1。');
  });

  it('words zod own checks by issue code with their limits', () => {
    const [tooBig] = settingsProblems({ amount: 100_001, unit: 'days' });
    const [badUnit] = settingsProblems({ amount: 1, unit: 'fortnights' });
    const [notANumber] = settingsProblems({ amount: 'two', unit: 'days' });

    expect(describeProblem('en', tooBig!)).toBe('This step\'s setting "amount" is not valid: use at most 100000.');
    expect(describeProblem('zh-CN', tooBig!)).toBe('此步骤的设置“amount”无效：不能大于 100000。');
    expect(describeProblem('en', badUnit!)).toBe(
      'This step\'s setting "unit" is not valid: choose one of the offered options.',
    );
    expect(describeProblem('zh-CN', notANumber!)).toBe('此步骤的设置“amount”无效：请填写数字。');
  });

  it('words a trigger rule with an English sentence and a Chinese one', () => {
    const [sut] = validateJourney({
      name: 'Win-back',
      nodes: [{ id: 'start', kind: 'audience-trigger', config: { audience: ' ' } }],
      edges: [],
    }).filter((found) => found.code === 'node.invalid-config');

    expect(describeProblem('en', sut!)).toBe(
      'This step\'s setting "audience" is not valid: choose the audience whose new members enter.',
    );
    expect(describeProblem('zh-CN', sut!)).toBe('此步骤的设置“audience”无效：选择一个受众，其新成员将进入旅程。');
  });

  const shares = (...branches: [string, number][]) => ({
    branches: branches.map(([name, percent]) => ({ name, percent })),
  });

  it.each<[string, string, Record<string, unknown>, string, string]>([
    [
      'shares that do not add up to 100',
      'random-split',
      shares(['a', 50], ['b', 40]),
      'This step\'s setting "branches" is not valid: the percentages add up to 90%; make them add up to 100%.',
      '此步骤的设置“branches”无效：各分支百分比合计为 90%；请让它们合计为 100%。',
    ],
    [
      'a repeated branch name',
      'random-split',
      shares(['a', 50], ['a', 50]),
      'This step\'s setting "branches.1.name" is not valid: two branches are called "a"; give each its own name.',
      '此步骤的设置“branches.1.name”无效：有两个分支都叫“a”；请为每个分支取不同的名称。',
    ],
    [
      'the reserved branch name',
      'multi-split',
      { branches: [{ name: 'else', conditions: [{ source: 'profile', path: 'tier', operator: 'exists' }] }] },
      'This step\'s setting "branches.0.name" is not valid: "else" is kept for the branch taken when none matches; ' +
        'choose another name.',
      '此步骤的设置“branches.0.name”无效：“else”留给没有任何条件满足时走的分支；请换一个名称。',
    ],
    [
      'a branch name too long',
      'random-split',
      shares(['b'.repeat(41), 50], ['a', 50]),
      'This step\'s setting "branches.0.name" is not valid: keep branch names to 40 characters or fewer.',
      '此步骤的设置“branches.0.name”无效：分支名称最多 40 个字符。',
    ],
  ])('words %s with its values in English and Chinese', (_what, kind, config, english, chinese) => {
    const [sut] = settingsProblems(config, kind);

    expect(sut && describeProblem('en', sut)).toBe(english);
    expect(sut && describeProblem('zh-CN', sut)).toBe(chinese);
  });
});

/** A saved audience's wrong rules, worded as the API answers them: the rule's key with the issue's params. */
const audienceWords = (locale: Locale, definition: unknown) =>
  (audienceDefinitionSchema.safeParse(definition).error?.issues ?? [])
    .map(fieldIssueParams)
    .map((params) => translate(locale, params.message as MessageKey, toMessageParams(params)));

describe('audience rules worded in the reader language', () => {
  it.each<[string, unknown, string, string]>([
    [
      'an empty "all" group',
      { all: [] },
      'an "all of these" group needs at least one condition',
      '“以下全部”条件组至少需要一个条件',
    ],
    [
      'an empty "any" group',
      { all: [{ any: [] }] },
      'an "any of these" group needs at least one condition',
      '“以下任一”条件组至少需要一个条件',
    ],
    [
      'an unknown kind of condition',
      { segment: 'vip' },
      '"segment" is not a kind of condition: use "all", "any", "attribute" or "history"',
      '“segment”不是一种条件：请使用“全部满足”、“任一满足”、“属性”或“历史”',
    ],
  ])('words %s with its params', (_what, definition, english, chinese) => {
    expect(audienceWords('en', definition)).toContain(english);
    expect(audienceWords('zh-CN', definition)).toContain(chinese);
  });

  it('words the nesting limit with its number', () => {
    let rule: unknown = { attribute: { path: 'tier', operator: 'exists' } };
    for (let level = 0; level < 5; level += 1) rule = { any: [rule] };

    expect(audienceWords('en', rule)).toEqual(['nest groups at most 5 levels deep']);
    expect(audienceWords('zh-CN', rule)).toEqual(['条件组最多只能嵌套 5 层']);
  });
});
