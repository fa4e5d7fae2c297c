import { z } from 'zod';
import { defineNodeKind } from './node-kind';

const schema = z.object({});

export type ExitConfig = z.infer<typeof schema>;

/** Ends the customer's journey here. */
export const exitKind = defineNodeKind({
  kind: 'exit',
  category: 'exit',
  title: 'Exit the journey',
  schema,
  defaults: {},
  outputs: () => [],
  summary: () => ({ code: 'exit', params: {} }),
  step: ({ nodeId }) => ({ type: 'exit', reason: { nodeId, code: 'exit.reached', params: {} } }),
});
