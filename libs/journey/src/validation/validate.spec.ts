import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { JourneyDocumentInput } from '../graph/journey.schema';
import { PROBLEM_PARAMS } from './problem';
import { validateJourney } from './validate';

const thankYou = (): JourneyDocumentInput =>
  JSON.parse(readFileSync(join(__dirname, '../../../../docs/journeys/thank-you.json'), 'utf8'));

const withTemplates = { templates: new Set(['thank-you']) };

const codes = (journey: unknown, context = withTemplates) =>
  validateJourney(journey, context).map((found) => [found.code, found.nodeId]);

describe('validateJourney', () => {
  it('should find no problem when the thank-you journey is complete', () => {
    expect(validateJourney(thankYou(), withTemplates)).toEqual([]);
  });

  it.each<{ name: string; change: (doc: JourneyDocumentInput) => void; expected: [string, string | null][] }>([
    {
      name: 'the trigger is removed',
      change: (doc) => {
        doc.nodes = doc.nodes.filter((node) => node.id !== 'order');
        doc.edges = doc.edges.filter((edge) => edge.from !== 'order');
      },
      expected: [['journey.no-trigger', null]],
    },
    {
      name: 'an output is not connected',
      change: (doc) => {
        doc.edges = doc.edges.filter((edge) => edge.output !== 'no');
      },
      expected: [
        ['output.dangling', 'big-order'],
        ['node.unreachable', 'small-order'],
      ],
    },
    {
      name: 'an edge leaves from an output the node does not have',
      change: (doc) => {
        doc.edges.push({ from: 'wait-2-days', output: 'timeout', to: 'done' });
      },
      expected: [['edge.unknown-output', 'wait-2-days']],
    },
    {
      name: 'an output is connected twice',
      change: (doc) => {
        doc.edges.push({ from: 'big-order', output: 'yes', to: 'small-order' });
      },
      expected: [['edge.duplicate-output', 'big-order']],
    },
    {
      name: 'an edge points to a missing node',
      change: (doc) => {
        doc.edges[0] = { from: 'order', output: 'next', to: 'nowhere' };
      },
      expected: [
        ['edge.unknown-node', 'order'],
        ['output.dangling', 'order'],
        ['node.unreachable', 'wait-2-days'],
        ['node.unreachable', 'big-order'],
        ['node.unreachable', 'thank-you'],
        ['node.unreachable', 'done'],
        ['node.unreachable', 'small-order'],
      ],
    },
    {
      name: 'the template does not exist',
      change: (doc) => {
        doc.nodes[3]!.config = { template: 'thanks-typo' };
      },
      expected: [['template.unknown', 'thank-you']],
    },
    {
      name: 'a node has an unknown kind',
      change: (doc) => {
        doc.nodes[4]!.kind = 'teleport';
      },
      expected: [
        ['node.unknown-kind', 'done'],
        ['edge.unknown-node', 'thank-you'],
        ['output.dangling', 'thank-you'],
      ],
    },
    {
      name: 'two nodes share an id',
      change: (doc) => {
        doc.nodes.push({ id: 'done', kind: 'exit', config: {} });
      },
      expected: [['node.duplicate-id', 'done']],
    },
    {
      name: 'an edge leads back into the trigger',
      change: (doc) => {
        doc.edges = doc.edges.filter((edge) => edge.from !== 'thank-you');
        doc.edges.push({ from: 'thank-you', output: 'next', to: 'order' });
      },
      expected: [
        ['edge.into-trigger', 'order'],
        ['output.dangling', 'thank-you'],
        ['node.unreachable', 'done'],
      ],
    },
    {
      name: 'a loop has no wait in it',
      change: (doc) => {
        doc.edges = doc.edges.filter((edge) => edge.from !== 'thank-you');
        doc.edges.push({ from: 'thank-you', output: 'next', to: 'big-order' });
        doc.nodes = doc.nodes.filter((node) => node.id !== 'done');
      },
      expected: [['graph.loop-without-wait', 'big-order']],
    },
  ])('should report where the problem is, in codes and params only, when $name', ({ change, expected }) => {
    const doc = thankYou();
    change(doc);

    expect(codes(doc)).toEqual(expected);
    for (const found of validateJourney(doc, withTemplates)) {
      // No words in the core: @rapport/messages writes the sentence from the code and these params.
      expect(Object.keys(found).sort()).toEqual(['code', 'nodeId', 'params', 'path']);
      expect(Object.keys(found.params)).toEqual(expect.arrayContaining([...PROBLEM_PARAMS[found.code]]));
    }
  });

  it('should report a loop when its only wait may pass straight through', () => {
    const doc = thankYou();
    doc.nodes[1] = { id: 'wait-2-days', kind: 'time-window', config: { from: '09:00', to: '17:00' } };
    doc.edges = doc.edges.filter((edge) => edge.from !== 'thank-you');
    doc.edges.push({ from: 'thank-you', output: 'next', to: 'wait-2-days' });
    doc.nodes = doc.nodes.filter((node) => node.id !== 'done');

    expect(codes(doc)).toEqual([['graph.loop-without-wait', 'wait-2-days']]);
  });

  it('should accept a loop when it goes through a wait', () => {
    const doc = thankYou();
    doc.edges = doc.edges.filter((edge) => edge.from !== 'thank-you');
    doc.edges.push({ from: 'thank-you', output: 'next', to: 'wait-2-days' });
    doc.nodes = doc.nodes.filter((node) => node.id !== 'done');

    expect(codes(doc)).toEqual([]);
  });

  it('should report every invalid setting with its field path and a plain sentence', () => {
    const doc = thankYou();
    doc.nodes[1]!.config = { amount: 0, unit: 'fortnights' };
    doc.nodes[2]!.config = { source: 'event', path: 'total', operator: 'gte' };

    const sut = validateJourney(doc, withTemplates);

    expect(sut.map(({ code, nodeId, path }) => ({ code, nodeId, path }))).toEqual([
      { code: 'node.invalid-config', nodeId: 'wait-2-days', path: ['config', 'amount'] },
      { code: 'node.invalid-config', nodeId: 'wait-2-days', path: ['config', 'unit'] },
      { code: 'node.invalid-config', nodeId: 'big-order', path: ['config', 'value'] },
    ]);
    // Language-free: the rule's words are a catalog key (worded by @rapport/messages), with zod's limits beside it.
    expect(sut[0]?.params).toEqual({ field: 'amount', message: 'field.wait.min', minimum: 1, origin: 'number' });
    expect(sut[1]?.params).toMatchObject({ field: 'unit', message: 'field.invalid-value' });
    expect(sut[2]?.params).toMatchObject({ field: 'value', message: 'field.value.compare-required' });
  });

  it('should report a document that is not a journey at all without throwing', () => {
    const sut = validateJourney({ name: '', nodes: 'none' });

    expect(sut.map((found) => found.path)).toEqual([['name'], ['nodes'], ['edges']]);
    expect(sut.every((found) => found.code === 'journey.malformed' && found.nodeId === null)).toBe(true);
  });

  it('should skip template checks when the workspace templates are not known', () => {
    const doc = thankYou();
    doc.nodes[3]!.config = { template: 'anything' };

    expect(validateJourney(doc)).toEqual([]);
  });
});
