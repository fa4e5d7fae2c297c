import { z } from 'zod';
import { NODE_KINDS, nodeKinds } from '../kinds/registry';
import { JOURNEY_FORMAT, journeyEdgeSchema, journeyNodeSchema } from './journey.schema';

/** The journey format as JSON Schema, with each kind's config spelled out; published in docs/. */
export const journeyJsonSchema = (): Record<string, unknown> => {
  const nodeVariants = NODE_KINDS.map((kind) =>
    journeyNodeSchema.extend({ kind: z.literal(kind), config: nodeKinds[kind].schema }).describe(nodeKinds[kind].title),
  );
  const document = z.object({
    format: z.literal(JOURNEY_FORMAT),
    name: z.string().min(1).max(200),
    description: z.string().max(2000).optional(),
    nodes: z.array(z.union(nodeVariants as unknown as [z.ZodType, z.ZodType, ...z.ZodType[]])),
    edges: z.array(journeyEdgeSchema),
  });
  return z.toJSONSchema(document, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
};
