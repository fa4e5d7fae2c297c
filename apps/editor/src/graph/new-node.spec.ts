import { journeyToFlow } from './flow-mapping';
import { newNode } from './new-node';
import { journeyDocumentSchema, validateJourney } from '@rapport/journey';
import { flowToJourney } from './flow-mapping';

const base = journeyToFlow(
  journeyDocumentSchema.parse({
    name: 'J',
    nodes: [
      { id: 'wait-delay-1', kind: 'wait-delay', config: { amount: 1, unit: 'days' }, position: { x: 100, y: 40 } },
    ],
    edges: [],
  }),
);

describe('newNode', () => {
  it('should take the next free id and sit right of the rightmost step when added from the palette', () => {
    const sut = newNode('wait-delay', base.nodes);

    expect(sut.id).toBe('wait-delay-2');
    expect(sut.position).toEqual({ x: 360, y: 40 });
    expect(sut.data.config).toEqual({ amount: 1, unit: 'days' });
  });

  it('should start from a valid config for every kind when added with its defaults', () => {
    const nodes = [newNode('event-trigger', [])];
    const flow = { ...base, nodes };
    const problems = validateJourney(flowToJourney(flow)).filter((found) => found.code === 'node.invalid-config');

    expect(problems).toEqual([]);
  });
});
