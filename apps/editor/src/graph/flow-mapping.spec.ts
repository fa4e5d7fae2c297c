import { journeyDocumentSchema, type JourneyDocument } from '@rapport/journey';
import thankYouJson from '../../../../docs/journeys/thank-you.json';
import type { JourneyFlowNode } from './flow-types';
import { COLUMN_WIDTH, ROW_HEIGHT, flowToJourney, journeyToFlow, layoutMissingPositions } from './flow-mapping';

const thankYou = (): JourneyDocument => journeyDocumentSchema.parse(thankYouJson);

describe('journeyToFlow', () => {
  it('should make one typed node per step and one edge per output when given the thank-you journey', () => {
    const sut = journeyToFlow(thankYou());
    expect(sut.nodes.map((node) => [node.id, node.type])).toEqual([
      ['order', 'event-trigger'],
      ['wait-2-days', 'wait-delay'],
      ['big-order', 'attribute-condition'],
      ['thank-you', 'send-email'],
      ['done', 'exit'],
      ['small-order', 'exit'],
    ]);
    expect(sut.nodes[1]).toMatchObject({ position: { x: 260, y: 0 }, data: { config: { amount: 2, unit: 'days' } } });
    expect(sut.edges).toContainEqual({
      id: 'big-order:no->small-order',
      source: 'big-order',
      sourceHandle: 'no',
      target: 'small-order',
    });
    expect(sut.meta).toEqual({
      format: 'rapport.journey/v1',
      name: 'Thank you for a big order',
      description: expect.any(String),
      settings: expect.objectContaining({ entry: { mode: 'any-time', maxConcurrent: null } }),
    });
  });

  it('should keep a step of an unknown kind when the kind is not in the registry', () => {
    const doc = {
      ...thankYou(),
      nodes: [{ id: 'x', kind: 'send-fax', config: { to: 1 }, position: { x: 5, y: 6 } }],
      edges: [],
    };
    const sut = journeyToFlow(doc);
    expect(sut.nodes[0]).toEqual({
      id: 'x',
      type: 'unknown',
      position: { x: 5, y: 6 },
      data: { config: { to: 1 }, unknownKind: 'send-fax' },
    });
    expect(flowToJourney(sut).nodes).toEqual(doc.nodes);
  });
});

describe('flowToJourney', () => {
  it('should give back the same document when nothing was edited', () => {
    const doc = thankYou();
    expect(flowToJourney(journeyToFlow(doc))).toEqual(doc);
  });

  it('should round positions, keep labels and keep an explicit edge id when the canvas changed them', () => {
    const flow = journeyToFlow(thankYou());
    const [trigger, ...rest] = flow.nodes;
    const [firstEdge, ...otherEdges] = flow.edges;
    if (!trigger || !firstEdge) throw new Error('the fixture has a trigger and edges');
    const moved: JourneyFlowNode = {
      id: trigger.id,
      type: 'event-trigger',
      position: { x: 10.4, y: -3.6 },
      data: { config: { event: 'Signed Up' }, label: 'Start' },
    };
    flow.nodes = [moved, ...rest];
    flow.edges = [{ ...firstEdge, id: 'custom' }, ...otherEdges];
    const sut = flowToJourney(flow);
    expect(sut.nodes[0]).toEqual({
      id: 'order',
      kind: 'event-trigger',
      label: 'Start',
      config: { event: 'Signed Up' },
      position: { x: 10, y: -4 },
    });
    expect(sut.edges[0]).toEqual({ id: 'custom', from: 'order', output: 'next', to: 'wait-2-days' });
  });
});

describe('layoutMissingPositions', () => {
  it('should place unpositioned steps left to right by distance from the trigger', () => {
    const doc = thankYou();
    const sut = layoutMissingPositions({ ...doc, nodes: doc.nodes.map(({ position: _position, ...node }) => node) });
    expect(sut.get('order')).toEqual({ x: 0, y: 0 });
    expect(sut.get('wait-2-days')).toEqual({ x: COLUMN_WIDTH, y: 0 });
    expect(sut.get('thank-you')).toEqual({ x: 3 * COLUMN_WIDTH, y: 0 });
    expect(sut.get('small-order')).toEqual({ x: 3 * COLUMN_WIDTH, y: ROW_HEIGHT });
    expect(sut.get('done')).toEqual({ x: 4 * COLUMN_WIDTH, y: 0 });
  });

  it('should put unreachable steps in a column after the last and below positioned ones', () => {
    const doc = thankYou();
    doc.nodes.push({ id: 'orphan', kind: 'exit', config: {} });
    const sut = layoutMissingPositions(doc);
    expect([...sut.keys()]).toEqual(['orphan']);
    expect(sut.get('orphan')).toEqual({ x: 5 * COLUMN_WIDTH, y: 0 });
  });
});
