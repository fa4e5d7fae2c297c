import { nodeKindOrNull, type AnyNodeKind } from '@rapport/journey';

export type NodeDescription = {
  title: string;
  summary: string;
  category: AnyNodeKind['category'] | null;
  /** Output handle names; empty for exits. */
  outputs: readonly string[];
  /** false when the config does not pass the kind's schema (the summary then says so). */
  isConfigValid: boolean;
};

/**
 * How a node reads on the canvas, from the kind registry. An invalid config still yields the kind's
 * outputs (from its defaults merged with what is there), so edges keep their handles while the marketer types.
 */
export const describeNode = (kind: string, config: Record<string, unknown>): NodeDescription => {
  const definition = nodeKindOrNull(kind);
  if (!definition) {
    return {
      title: `Unknown step "${kind}"`,
      summary: 'Rapport does not know this kind',
      category: null,
      outputs: [],
      isConfigValid: false,
    };
  }
  const parsed = definition.schema.safeParse(config);
  if (parsed.success) {
    return {
      title: definition.title,
      summary: definition.summarize(parsed.data),
      category: definition.category,
      outputs: definition.outputs(parsed.data),
      isConfigValid: true,
    };
  }
  return {
    title: definition.title,
    summary: 'Needs settings',
    category: definition.category,
    outputs: safeOutputs(definition, { ...definition.defaults, ...config }),
    isConfigValid: false,
  };
};

const safeOutputs = (definition: AnyNodeKind, config: unknown): readonly string[] => {
  try {
    return definition.outputs(config);
  } catch {
    return definition.outputs(definition.defaults);
  }
};
