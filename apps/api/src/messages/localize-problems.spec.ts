import { validateJourney } from '@rapport/journey';
import { localizeProblems, withProblemsIn } from './localize-problems';

// A trigger whose only output leads nowhere: one problem, `output.dangling`.
const dangling = validateJourney({
  name: 'Welcome',
  nodes: [{ id: 'start', kind: 'event-trigger', config: { event: 'Signed Up' } }],
  edges: [],
});

describe('localizeProblems', () => {
  it('should add the sentence in the reader’s language when the core gives only codes and params', () => {
    expect(dangling).toEqual([
      { code: 'output.dangling', nodeId: 'start', path: ['outputs', 'next'], params: { output: 'next' } },
    ]);

    expect(localizeProblems(dangling, 'zh-CN')).toEqual([
      { ...dangling[0], message: '出口“next”尚未连接：请指定客户接下来去哪里。' },
    ]);
    expect(localizeProblems(dangling, 'en')[0]?.message).toBe(
      'Output "next" is not connected: say where customers go next.',
    );
  });

  it('should word every problem of a validation answer and keep its other fields when it is awaited', async () => {
    const sut = await withProblemsIn('en', Promise.resolve({ problems: dangling, liveVersion: 2 }));

    expect(sut).toEqual({
      liveVersion: 2,
      problems: [expect.objectContaining({ code: 'output.dangling', message: expect.stringContaining('"next"') })],
    });
  });
});
