import type { EntityManager } from 'typeorm';
import { missingVariables, type KnownVariables } from '@rapport/channels';
import { journeyDocumentSchema, nodeKindOrNull, problem, type Problem } from '@rapport/journey';
import { AttributeDefinitionRepository, TemplateRepository } from '@rapport/persistence';
import { COMPUTED_ATTRIBUTES } from './attribute-types';

/** Traits Segment's identify spec reserves: profiles commonly carry them, so templates may read them. */
const SEGMENT_TRAITS = [
  'address',
  'age',
  'avatar',
  'birthday',
  'company',
  'createdAt',
  'description',
  'firstName',
  'gender',
  'lastName',
  'name',
  'title',
  'username',
  'website',
];

/** What `customer` holds besides attributes (see templateContext). */
const CUSTOMER_FIELDS = ['id', 'externalId', 'email', 'phone', 'timeZone', 'locale', 'attributes'];

type Send = { nodeId: string; template: string | null; text: string | null };

const stringOf = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/**
 * "A missing variable is a validation error at publish, not a blank at send": every email template and SMS text
 * a journey sends is checked against what its context will hold when sent (templateContext): profile fields,
 * attributes declared, computed, seen on profiles or named by the journey itself, Segment's reserved traits,
 * `recommendations`, `unsubscribeUrl` (email), `event` when an event trigger enrolls, `coupon` when the journey
 * issues one. Templates that do not exist or do not compile are other problems, reported elsewhere.
 */
export const templateVariableProblems = async (
  manager: EntityManager,
  workspaceId: string,
  draft: unknown,
): Promise<Problem[]> => {
  const parsed = journeyDocumentSchema.safeParse(draft);
  if (!parsed.success) return [];
  const nodes = parsed.data.nodes;
  const kindOf = (kind: string) => nodeKindOrNull(kind)?.kind ?? null;
  const sends: Send[] = nodes.flatMap((node) => {
    const kind = kindOf(node.kind);
    if (kind === 'send-email') return [{ nodeId: node.id, template: stringOf(node.config['template']), text: null }];
    if (kind === 'send-sms') return [{ nodeId: node.id, template: null, text: stringOf(node.config['text']) }];
    if (kind === 'send-preferred')
      return [{ nodeId: node.id, template: stringOf(node.config['template']), text: stringOf(node.config['text']) }];
    return [];
  });
  if (sends.length === 0) return [];

  const definitions = new AttributeDefinitionRepository(manager);
  const [templates, declared, seen] = await Promise.all([
    new TemplateRepository(manager).list(workspaceId),
    definitions.list(workspaceId),
    definitions.seen(workspaceId),
  ]);
  const usedByJourney = attributesNamedIn([parsed.data.settings, ...nodes.map((node) => node.config)]);
  const attributes = [
    ...SEGMENT_TRAITS,
    ...COMPUTED_ATTRIBUTES.map((attribute) => attribute.name),
    ...declared.map((definition) => definition.name),
    ...seen.map((attribute) => attribute.name),
    ...usedByJourney,
  ];
  const hasEventTrigger = nodes.some((node) => kindOf(node.kind) === 'event-trigger');
  const issuesCoupon = nodes.some((node) => kindOf(node.kind) === 'issue-coupon');
  const known = (channel: 'email' | 'sms'): KnownVariables => ({
    roots: [
      ...attributes,
      'recommendations',
      ...(channel === 'email' ? ['unsubscribeUrl'] : []),
      ...(hasEventTrigger ? ['event'] : []),
      ...(issuesCoupon ? ['coupon'] : []),
    ],
    paths: [...CUSTOMER_FIELDS, ...attributes].map((name) => `customer.${name}`),
  });
  const byKey = new Map(templates.map((template) => [template.key, template]));

  const problems: Problem[] = [];
  for (const send of sends) {
    const template = send.template ? byKey.get(send.template) : undefined;
    if (template) {
      for (const missing of safely(() =>
        missingVariables({ subject: template.subject, html: template.html, text: template.text }, known('email')),
      )) {
        problems.push(
          problem('template.missing-variable', send.nodeId, ['config', 'template'], {
            template: template.key,
            field: missing.field,
            variable: missing.variable,
          }),
        );
      }
    }
    if (send.text) {
      const text = send.text;
      for (const missing of safely(() => missingVariables({ subject: '', html: '', text }, known('sms')))) {
        problems.push(
          problem('template.missing-variable', send.nodeId, ['config', 'text'], {
            template: null,
            field: null,
            variable: missing.variable,
          }),
        );
      }
    }
  }
  return problems;
};

/**
 * The profile attributes a journey itself reads or writes (a threshold or date trigger's `attribute`, an
 * update's `attribute`, profile conditions' `path`): the journey only makes sense for customers who have them.
 */
const attributesNamedIn = (values: unknown[]): string[] => {
  const found = new Set<string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (!value || typeof value !== 'object') return;
    const record = value as Record<string, unknown>;
    if (typeof record['attribute'] === 'string') found.add(record['attribute'].split('.')[0] as string);
    if (record['source'] === 'profile' && typeof record['path'] === 'string')
      found.add(record['path'].split('.')[0] as string);
    Object.values(record).forEach(visit);
  };
  values.forEach(visit);
  return [...found];
};

/** A template that does not compile is refused when saved; here it simply has no variables to check. */
const safely = <T>(check: () => T[]): T[] => {
  try {
    return check();
  } catch {
    return [];
  }
};
