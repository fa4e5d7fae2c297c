import { validateJourney } from '@rapport/journey';
import { describeProblem } from './translate';

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
});
