import { journeyDocumentSchema, type JourneyDocument } from '@rapport/journey';
import { summarizePublish } from './publish-summary';

const doc = (overrides: Partial<JourneyDocument> = {}): JourneyDocument =>
  journeyDocumentSchema.parse({
    name: 'Refill',
    nodes: [
      { id: 'order', kind: 'event-trigger', config: { event: 'Order Completed' } },
      { id: 'wait', kind: 'wait-delay', config: { amount: 27, unit: 'days' } },
      { id: 'done', kind: 'exit', config: {} },
    ],
    edges: [
      { from: 'order', output: 'next', to: 'wait' },
      { from: 'wait', output: 'next', to: 'done' },
    ],
    ...overrides,
  });

const withWait = (config: Record<string, unknown>, label?: string) =>
  doc({
    nodes: doc().nodes.map((node) => (node.id === 'wait' ? { ...node, config, ...(label ? { label } : {}) } : node)),
  });

describe('summarizePublish', () => {
  it('should report nothing to change when the draft equals the live version', () => {
    const sut = summarizePublish({ draft: doc(), live: { version: 3, document: doc() }, currentByNode: { wait: 4 } });

    expect(sut).toMatchObject({ liveVersion: 3, nextVersion: 4, inJourney: 4, unchanged: true });
    expect(sut.nodes).toEqual({ added: [], removed: [], changed: [] });
    expect(sut.connections).toEqual({ added: [], removed: [] });
  });

  it('should list only new-version facts when nothing was published before', () => {
    const sut = summarizePublish({ draft: doc(), live: null, currentByNode: {} });

    expect(sut).toMatchObject({ liveVersion: null, nextVersion: 1, inJourney: 0, unchanged: false, settings: [] });
    expect(sut.nodes.added).toEqual([]);
    expect(sut.connections.added).toEqual([]);
  });

  it('should give each changed setting of a step with its values and count who waits there', () => {
    const sut = summarizePublish({
      draft: withWait({ amount: 25, unit: 'weeks' }),
      live: { version: 1, document: doc() },
      currentByNode: { wait: 1 },
    });

    expect(sut.nodes.changed).toEqual([
      {
        nodeId: 'wait',
        kind: 'wait-delay',
        label: null,
        changes: [
          { code: 'config', field: 'amount', before: 27, after: 25, choice: false },
          { code: 'config', field: 'unit', before: 'days', after: 'weeks', choice: true },
        ],
        waiting: 1,
        outcome: { code: 'step.changed', params: { waiting: 1 } },
      },
    ]);
  });

  it('should give a new label with its old and new text, and a step without one a null label', () => {
    const sut = summarizePublish({
      draft: withWait({ amount: 27, unit: 'days' }, 'Refill reminder wait'),
      live: { version: 1, document: doc() },
      currentByNode: {},
    });

    expect(sut.nodes.changed).toEqual([
      expect.objectContaining({
        nodeId: 'wait',
        label: 'Refill reminder wait',
        changes: [{ code: 'label', before: null, after: 'Refill reminder wait' }],
        outcome: { code: 'step.changed', params: { waiting: 0 } },
      }),
    ]);
  });

  it('should not count a reordered config or settings object as a change', () => {
    const live = doc({
      settings: { entry: { mode: 'once' }, timeZone: 'Europe/Paris' } as JourneyDocument['settings'],
    });
    const draft = doc({
      settings: { timeZone: 'Europe/Paris', entry: { mode: 'once' } } as JourneyDocument['settings'],
    });

    expect(summarizePublish({ draft, live: { version: 1, document: live }, currentByNode: {} }).unchanged).toBe(true);
  });

  it('should say a removed step empties for new entrants and name the connections by their steps', () => {
    const draft = doc({
      nodes: doc().nodes.filter((node) => node.id !== 'wait'),
      edges: [{ from: 'order', output: 'next', to: 'done' }],
    });

    const sut = summarizePublish({ draft, live: { version: 2, document: doc() }, currentByNode: { wait: 3 } });

    expect(sut.nodes.removed).toEqual([
      {
        nodeId: 'wait',
        kind: 'wait-delay',
        label: null,
        waiting: 3,
        outcome: { code: 'step.removed', params: { waiting: 3 } },
      },
    ]);
    expect(sut.nodes.changed).toEqual([
      expect.objectContaining({ nodeId: 'order', changes: [{ code: 'connections' }] }),
    ]);
    const order = { nodeId: 'order', kind: 'event-trigger', label: null };
    const wait = { nodeId: 'wait', kind: 'wait-delay', label: null };
    const done = { nodeId: 'done', kind: 'exit', label: null };
    expect(sut.connections).toEqual({
      added: [{ from: order, output: 'next', to: done }],
      removed: [
        { from: order, output: 'next', to: wait },
        { from: wait, output: 'next', to: done },
      ],
    });
  });

  it('should give each changed journey setting with its raw values and its outcome code, in the screen order', () => {
    const live = doc({ settings: { entry: { mode: 'once' } } as JourneyDocument['settings'] });
    const draft = doc({
      settings: {
        entry: { mode: 'once-per-period', period: { amount: 1, unit: 'years' } },
        goal: { event: 'Order Completed', withinDays: 14 },
        timeZone: 'Asia/Shanghai',
      } as JourneyDocument['settings'],
    });

    const sut = summarizePublish({ draft, live: { version: 1, document: live }, currentByNode: {} });

    expect(sut.settings).toEqual([
      {
        field: 'entry',
        before: { mode: 'once' },
        after: { mode: 'once-per-period', period: { amount: 1, unit: 'years' } },
        outcome: { code: 'setting.entry', params: {} },
      },
      {
        field: 'goal',
        before: null,
        after: { event: 'Order Completed', where: [], sameAsTrigger: [], withinDays: 14, exitOnGoal: false },
        outcome: { code: 'setting.goal', params: {} },
      },
      { field: 'timeZone', before: null, after: 'Asia/Shanghai', outcome: { code: 'setting.timeZone', params: {} } },
    ]);
    expect(sut.unchanged).toBe(false);
  });
});
