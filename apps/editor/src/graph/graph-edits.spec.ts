import { journeyDocumentSchema, NODE_KINDS } from '@rapport/journey';
import thankYouJson from '../../../../docs/journeys/thank-you.json';
import { flowToJourney, journeyToFlow } from './flow-mapping';
import { copySelection, insertableKinds, insertOnEdge, pasteClipboard } from './graph-edits';

/** The value, or a failed test saying it was missing. */
const must = <T>(value: T | null | undefined): T => {
  if (value === null || value === undefined) throw new Error('expected a value');
  return value;
};

const thankYou = () => journeyToFlow(journeyDocumentSchema.parse(thankYouJson));

describe('insertOnEdge', () => {
  it('should splice the new step into the edge through its first output when a wait is inserted', () => {
    const graph = thankYou();
    const sut = insertOnEdge(graph, 'wait-2-days:next->big-order', 'wait-for-event');

    expect(sut?.nodeId).toBe('wait-for-event-1');
    const edges = sut?.edges.map((edge) => `${edge.source}:${edge.sourceHandle}->${edge.target}`);
    expect(edges).not.toContain('wait-2-days:next->big-order');
    expect(edges).toEqual(
      expect.arrayContaining(['wait-2-days:next->wait-for-event-1', 'wait-for-event-1:event->big-order']),
    );
    expect(sut?.nodes.find((node) => node.id === 'wait-for-event-1')).toMatchObject({
      position: { x: 390, y: 0 },
      selected: true,
    });
  });

  it('should keep the branch output it was inserted on when the edge leaves a condition', () => {
    const sut = insertOnEdge(thankYou(), 'big-order:no->small-order', 'send-sms');
    const edges = sut?.edges.map((edge) => edge.id);

    expect(edges).toEqual(expect.arrayContaining(['big-order:no->send-sms-1', 'send-sms-1:next->small-order']));
    expect(edges).toHaveLength(thankYou().edges.length + 1);
  });

  it('should refuse a trigger and an edge that does not exist', () => {
    expect(insertOnEdge(thankYou(), 'wait-2-days:next->big-order', 'event-trigger')).toBeNull();
    expect(insertOnEdge(thankYou(), 'nope', 'wait-delay')).toBeNull();
  });

  it('should leave a document the validator accepts when a step is inserted', () => {
    const sut = insertOnEdge(thankYou(), 'order:next->wait-2-days', 'wait-delay');
    const doc = flowToJourney({ ...thankYou(), nodes: sut?.nodes ?? [], edges: sut?.edges ?? [] });
    expect(doc.edges).toHaveLength(thankYou().edges.length + 1);
  });
});

describe('insertableKinds', () => {
  it('should offer every kind but triggers and exits for the + on an edge', () => {
    const sut = insertableKinds(NODE_KINDS);
    expect(sut).toContain('wait-delay');
    expect(sut).toContain('holdout');
    expect(sut).not.toContain('event-trigger');
    expect(sut).not.toContain('exit');
  });
});

describe('copySelection and pasteClipboard', () => {
  it('should paste copies with new ids, moved, with the connections between them, as the new selection', () => {
    const graph = thankYou();
    graph.nodes = graph.nodes.map((node) => ({ ...node, selected: ['big-order', 'thank-you'].includes(node.id) }));
    const clipboard = copySelection(graph);
    expect(clipboard?.edges.map((edge) => edge.id)).toEqual(['big-order:yes->thank-you']);

    const sut = pasteClipboard(graph, must(clipboard));

    const pasted = sut.nodes.filter((node) => node.selected);
    expect(pasted.map((node) => node.id)).toEqual(['attribute-condition-1', 'send-email-1']);
    const original = must(graph.nodes.find((node) => node.id === 'thank-you')).position;
    expect(pasted[1]?.position).toEqual({ x: original.x + 40, y: original.y + 40 });
    expect(pasted[1]?.data.config).toEqual({ template: 'thank-you' });
    expect(sut.edges.at(-1)).toMatchObject({
      source: 'attribute-condition-1',
      sourceHandle: 'yes',
      target: 'send-email-1',
    });
    expect(sut.nodes).toHaveLength(graph.nodes.length + 2);
  });

  it('should copy nothing when nothing is selected', () => {
    expect(copySelection(thankYou())).toBeNull();
  });

  it('should not share config objects between the copy and the original', () => {
    const graph = thankYou();
    graph.nodes = graph.nodes.map((node) => ({ ...node, selected: node.id === 'wait-2-days' }));
    const sut = pasteClipboard(graph, must(copySelection(graph)));
    const copy = must(sut.nodes.at(-1));
    copy.data.config['amount'] = 9;
    expect(sut.nodes.find((node) => node.id === 'wait-2-days')?.data.config['amount']).toBe(2);
  });
});
