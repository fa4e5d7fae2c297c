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

describe('summarizePublish', () => {
  it('should report nothing to change when the draft equals the live version', () => {
    const sut = summarizePublish({ draft: doc(), live: { version: 3, document: doc() }, currentByNode: { wait: 4 } });

    expect(sut).toMatchObject({ liveVersion: 3, nextVersion: 4, inJourney: 4, unchanged: true });
    expect(sut.nodes).toEqual({ added: [], removed: [], changed: [] });
  });

  it('should list only new-version facts when nothing was published before', () => {
    const sut = summarizePublish({ draft: doc(), live: null, currentByNode: {} });

    expect(sut).toMatchObject({ liveVersion: null, nextVersion: 1, inJourney: 0, unchanged: false, settings: [] });
    expect(sut.nodes.added).toEqual([]);
  });

  it('should name the config fields that changed and count who waits there', () => {
    const changed = doc({
      nodes: doc().nodes.map((node) => (node.id === 'wait' ? { ...node, config: { amount: 25, unit: 'days' } } : node)),
    });

    const sut = summarizePublish({ draft: changed, live: { version: 1, document: doc() }, currentByNode: { wait: 1 } });

    expect(sut.nodes.changed).toEqual([
      {
        nodeId: 'wait',
        kind: 'wait-delay',
        title: 'Wait for a while',
        changes: ['config.amount'],
        waiting: 1,
        outcome: '1 customer here now keeps the settings of the version they entered; new entrants get the new ones.',
      },
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

  it('should say a removed step empties for new entrants while its customers stay on their version', () => {
    const draft = doc({
      nodes: doc().nodes.filter((node) => node.id !== 'wait'),
      edges: [{ from: 'order', output: 'next', to: 'done' }],
    });

    const sut = summarizePublish({ draft, live: { version: 2, document: doc() }, currentByNode: { wait: 0 } });

    expect(sut.nodes.removed).toEqual([
      expect.objectContaining({ nodeId: 'wait', waiting: 0, outcome: expect.stringContaining('Nobody is here now') }),
    ]);
    expect(sut.nodes.changed).toEqual([expect.objectContaining({ nodeId: 'order', changes: ['connections'] })]);
  });
});
