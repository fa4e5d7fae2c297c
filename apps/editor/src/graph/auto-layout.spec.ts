import { journeyDocumentSchema } from '@rapport/journey';
import ELK from 'elkjs/lib/elk.bundled.js';
import birthdayJson from '../../../../docs/journeys/birthday.json';
import { layoutJourney, portIdOf, toElkGraph } from './auto-layout';
import { journeyToFlow } from './flow-mapping';

/** The value, or a failed test saying it was missing. */
const must = <T>(value: T | null | undefined): T => {
  if (value === null || value === undefined) throw new Error('expected a value');
  return value;
};

const birthday = () => journeyToFlow(journeyDocumentSchema.parse(birthdayJson));

describe('toElkGraph', () => {
  it('should give each node one port per output in the kind order on the side edges leave from', () => {
    const { nodes, edges } = birthday();
    const sut = toElkGraph(nodes, edges, 'TB');

    const vip = sut.children?.find((child) => child.id === 'is-vip');
    expect(vip?.ports?.map((port) => [port.id, port.layoutOptions?.['elk.port.side']])).toEqual([
      ['is-vip::yes', 'SOUTH'],
      ['is-vip::no', 'SOUTH'],
    ]);
    expect(sut.layoutOptions?.['elk.direction']).toBe('DOWN');
    expect(sut.edges).toContainEqual({
      id: 'is-vip:no->done',
      sources: [portIdOf('is-vip', 'no')],
      targets: ['done'],
    });
  });

  it('should use the measured size of a node when the canvas has drawn it', () => {
    const { nodes, edges } = birthday();
    const sut = toElkGraph([{ ...must(nodes[0]), measured: { width: 300, height: 120 } }], edges, 'LR');
    expect(sut.children?.[0]).toMatchObject({ width: 300, height: 120 });
    expect(sut.edges).toEqual([]);
  });
});

describe('layoutJourney', () => {
  it('should place every step after the one it follows when laid out left to right', async () => {
    const { nodes, edges } = birthday();
    const sut = await layoutJourney(new ELK(), nodes, edges, 'LR');

    expect(sut.size).toBe(nodes.length);
    for (const edge of edges) expect(must(sut.get(edge.target)).x).toBeGreaterThan(must(sut.get(edge.source)).x);
    expect(must(sut.get('until-birthday')).y).toBeLessThan(must(sut.get('done')).y);
  });

  it('should place every step below the one it follows when laid out top down', async () => {
    const { nodes, edges } = birthday();
    const sut = await layoutJourney(new ELK(), nodes, edges, 'TB');
    for (const edge of edges) expect(must(sut.get(edge.target)).y).toBeGreaterThan(must(sut.get(edge.source)).y);
  });
});
