import { journeyDocumentSchema } from '@rapport/journey';
import thankYouJson from '../../../../docs/journeys/thank-you.json';
import { isConnectionAllowed } from './connection-rules';
import { journeyToFlow } from './flow-mapping';

const { nodes, edges } = journeyToFlow(journeyDocumentSchema.parse(thankYouJson));
const withoutYes = edges.filter((edge) => edge.id !== 'big-order:yes->thank-you');

describe('isConnectionAllowed', () => {
  it.each([
    [
      'a free declared output into a step',
      { source: 'big-order', sourceHandle: 'yes', target: 'thank-you' },
      withoutYes,
      true,
    ],
    ['an output that is already connected', { source: 'big-order', sourceHandle: 'yes', target: 'done' }, edges, false],
    [
      'an output the kind does not declare',
      { source: 'big-order', sourceHandle: 'maybe', target: 'done' },
      withoutYes,
      false,
    ],
    ['an edge into a trigger', { source: 'big-order', sourceHandle: 'yes', target: 'order' }, withoutYes, false],
    [
      'an edge from a step to itself',
      { source: 'big-order', sourceHandle: 'yes', target: 'big-order' },
      withoutYes,
      false,
    ],
    ['an edge from an exit', { source: 'done', sourceHandle: 'next', target: 'thank-you' }, edges, false],
    ['an unknown node', { source: 'nope', sourceHandle: 'next', target: 'done' }, edges, false],
    ['a missing handle', { source: 'big-order', sourceHandle: null, target: 'thank-you' }, withoutYes, false],
  ])('should judge %s', (_name, connection, existing, expected) => {
    expect(isConnectionAllowed(connection, nodes, existing)).toBe(expected);
  });
});
