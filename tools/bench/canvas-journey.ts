/** A step of a generated journey document (the shape `POST /api/journeys` takes). */
type GeneratedNode = { id: string; kind: string; config: Record<string, unknown>; position: { x: number; y: number } };

const COLUMNS = 12;
const COLUMN_WIDTH = 260;
const ROW_HEIGHT = 320;

const STEPS: { kind: string; config: Record<string, unknown> }[] = [
  { kind: 'wait-delay', config: { amount: 1, unit: 'days' } },
  { kind: 'attribute-condition', config: { source: 'profile', path: 'tier', operator: 'eq', value: 'vip' } },
  { kind: 'send-sms', config: { text: 'Hi {{firstName}}, a little something for you.', transactional: false } },
  { kind: 'update-attribute', config: { attribute: 'bench_step', operation: 'increment', value: 1 } },
];

/**
 * A valid journey of exactly `count` steps for the canvas benchmark: a trigger, then waits, conditions, SMS and
 * attribute updates in a row that wraps every 12 columns; each condition's `no` leaves through its own exit, and
 * the row ends in an exit.
 */
export const generatedJourney = (count: number, name: string) => {
  if (count < 2) throw new Error('a journey needs at least a trigger and an exit');
  const nodes: GeneratedNode[] = [];
  const edges: { from: string; output: string; to: string }[] = [];
  let spine = 0;
  const place = (column: number, below = false) => ({
    x: (column % COLUMNS) * COLUMN_WIDTH,
    y: Math.floor(column / COLUMNS) * ROW_HEIGHT + (below ? ROW_HEIGHT / 2 : 0),
  });
  nodes.push({ id: 'start', kind: 'event-trigger', config: { event: 'Bench Canvas', where: [] }, position: place(0) });
  let previous = { id: 'start', output: 'next' };
  for (let i = 0; nodes.length < count - 1; i++) {
    let step = STEPS[i % STEPS.length] as (typeof STEPS)[number];
    // A condition brings its own exit: only when there is room for both and the closing exit.
    if (step.kind === 'attribute-condition' && nodes.length + 3 > count) step = STEPS[0] as (typeof STEPS)[number];
    spine += 1;
    const id = `step-${spine}`;
    nodes.push({ id, kind: step.kind, config: structuredClone(step.config), position: place(spine) });
    edges.push({ from: previous.id, output: previous.output, to: id });
    if (step.kind === 'attribute-condition') {
      nodes.push({ id: `${id}-no`, kind: 'exit', config: {}, position: place(spine, true) });
      edges.push({ from: id, output: 'no', to: `${id}-no` });
      previous = { id, output: 'yes' };
    } else {
      previous = { id, output: 'next' };
    }
  }
  nodes.push({ id: 'end', kind: 'exit', config: {}, position: place(spine + 1) });
  edges.push({ from: previous.id, output: previous.output, to: 'end' });
  return { format: 'rapport.journey/v1', name, nodes, edges };
};
