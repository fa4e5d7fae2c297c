import { nodeKindOrNull, type AnyNodeKind, type NodeSummary } from '@rapport/journey';
import { isMessageKey, translate, type MessageKey } from '@rapport/messages';
import type { Translate } from '../i18n/i18n-context';

export type NodeDescription = {
  title: string;
  summary: string;
  category: AnyNodeKind['category'] | null;
  /** Output handle names; empty for exits. */
  outputs: readonly string[];
  /** false when the config does not pass the kind's schema (the summary then says so). */
  isConfigValid: boolean;
};

const english: Translate = (key, params) => translate('en', key, params);

/**
 * The core's language-free summary in the reader's words. The catalog test checks every kind's code has words;
 * a code without them would show the kind's title rather than a key.
 */
const summaryText = (definition: AnyNodeKind, config: unknown, t: Translate): string | null => {
  const summary: NodeSummary = definition.summary(config);
  const key = `summary.${summary.code}`;
  return isMessageKey(key) ? t(key, summary.params) : null;
};

/**
 * How a node reads on the canvas, from the kind registry, in the reader's language (`t`; English when not given,
 * for code that only needs the outputs). An invalid config still yields the kind's outputs (from its defaults
 * merged with what is there), so edges keep their handles while the marketer types.
 */
export const describeNode = (
  kind: string,
  config: Record<string, unknown>,
  t: Translate = english,
): NodeDescription => {
  const definition = nodeKindOrNull(kind);
  if (!definition) {
    return {
      title: t('kind.unknown.title', { kind }),
      summary: t('summary.unknown-kind'),
      category: null,
      outputs: [],
      isConfigValid: false,
    };
  }
  const title = t(`kind.${definition.kind}.title` as MessageKey);
  const parsed = definition.schema.safeParse(config);
  if (parsed.success) {
    return {
      title,
      summary: summaryText(definition, parsed.data, t) ?? title,
      category: definition.category,
      outputs: definition.outputs(parsed.data),
      isConfigValid: true,
    };
  }
  return {
    title,
    summary: t('summary.needs-settings'),
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
