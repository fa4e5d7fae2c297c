import { z } from 'zod';
import { journeySettingsSchema } from './journey-settings';

/** The version tag every journey document carries, so the format can evolve without guessing. */
export const JOURNEY_FORMAT = 'rapport.journey/v1';

export const nodeIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'field.node-id.format');

export const positionSchema = z.object({ x: z.number(), y: z.number() });

// Kind-specific config is checked by `validate`, node by node, so that every problem is reported
// with its node id; the structural schema only demands the shape every node shares.
export const journeyNodeSchema = z.object({
  id: nodeIdSchema,
  kind: z.string().min(1),
  label: z.string().max(120).optional(),
  config: z.record(z.string(), z.unknown()).default({}),
  position: positionSchema.optional(),
});

export const journeyEdgeSchema = z.object({
  id: z.string().max(140).optional(),
  from: nodeIdSchema,
  output: z.string().min(1).max(64),
  to: nodeIdSchema,
});

export const journeyDocumentSchema = z.object({
  format: z.literal(JOURNEY_FORMAT).default(JOURNEY_FORMAT),
  name: z.string().trim().min(1, 'field.journey.name-required').max(200),
  description: z.string().max(2000).optional(),
  nodes: z.array(journeyNodeSchema).max(2000),
  edges: z.array(journeyEdgeSchema).max(4000),
  settings: journeySettingsSchema.default(journeySettingsSchema.parse({})),
});

export type JourneyNode = z.infer<typeof journeyNodeSchema>;
export type JourneyEdge = z.infer<typeof journeyEdgeSchema>;
export type JourneyDocument = z.infer<typeof journeyDocumentSchema>;
export type JourneyDocumentInput = z.input<typeof journeyDocumentSchema>;

/** The id an edge gets when the document leaves it out: one edge per node output. */
export const edgeIdOf = (edge: Pick<JourneyEdge, 'from' | 'output' | 'to'> & { id?: string }): string =>
  edge.id ?? `${edge.from}:${edge.output}->${edge.to}`;
