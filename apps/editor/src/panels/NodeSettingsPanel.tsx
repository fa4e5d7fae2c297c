import { nodeKindOrNull, type Problem } from '@rapport/journey';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { JourneyFlowNode } from '../graph/flow-types';
import { describeNode } from '../graph/node-description';
import { nodeViewOf } from '../nodes/node-views';
import { configFieldsOf, fieldIdOf, type FieldPath } from './config-fields';
import { ConfigForm } from './ConfigForm';
import type { WorkspaceLookups } from './lookups';
import { describeProblem } from '@rapport/messages';
import { useI18n, useT } from '../i18n';

/** A request to put the keyboard on a step's field, made by clicking a problem; `seq` repeats a request. */
export type FocusRequest = { nodeId: string; path: (string | number)[]; seq: number } | null;

type Props = {
  node: JourneyFlowNode | null;
  problems: Problem[];
  lookups: WorkspaceLookups;
  focusRequest: FocusRequest;
  /** A viewer sees the settings but cannot change them. */
  readOnly: boolean;
  onConfigChange(nodeId: string, config: Record<string, unknown>): void;
  onLabelChange(nodeId: string, label: string): void;
  onDelete(nodeId: string): void;
};

const HEADING_ID = 'settings-heading';

/** The control for a problem's path, or the closest field above it; the panel heading when it has none. */
const focusTarget = (nodeId: string, path: (string | number)[]): HTMLElement | null => {
  const inConfig = path[0] === 'config' ? path.slice(1) : null;
  if (inConfig) {
    for (let length = inConfig.length; length > 0; length--) {
      const element = document.getElementById(fieldIdOf(nodeId, inConfig.slice(0, length)));
      if (element) return element;
    }
  }
  return document.getElementById(HEADING_ID);
};

/** The selected step's settings: a form generated from its kind's schema, JSON when the schema is not an object. */
export const NodeSettingsPanel = ({
  node,
  problems,
  lookups,
  focusRequest,
  readOnly,
  onConfigChange,
  onLabelChange,
  onDelete,
}: Props) => {
  const { t, locale } = useI18n();
  useEffect(() => {
    if (!focusRequest || focusRequest.nodeId !== node?.id) return;
    // After the form of the newly selected step has rendered.
    const frame = requestAnimationFrame(() => focusTarget(focusRequest.nodeId, focusRequest.path)?.focus());
    return () => cancelAnimationFrame(frame);
  }, [focusRequest, node?.id]);

  const nodeId = node?.id ?? null;
  const kind = node ? (node.type === 'unknown' ? node.data.unknownKind : node.type) : null;
  const definition = kind ? nodeKindOrNull(kind) : null;
  const fields = useMemo(
    () => (definition && kind ? configFieldsOf(definition.schema, kind, definition.defaults) : null),
    [definition, kind],
  );
  const nodeProblems = useMemo(() => problems.filter((found) => found.nodeId === nodeId), [problems, nodeId]);
  const errorOf = useCallback(
    (path: FieldPath) => {
      const key = ['config', ...path].join('.');
      const found = nodeProblems.find((problem) => problem.path.join('.') === key);
      return found ? describeProblem(locale, found) : null;
    },
    [nodeProblems, locale],
  );
  const onChange = useCallback(
    (config: Record<string, unknown>) => nodeId && onConfigChange(nodeId, config),
    [nodeId, onConfigChange],
  );

  if (!node || !kind) {
    return (
      <section className="panel settings" aria-labelledby={HEADING_ID}>
        <h2 id={HEADING_ID} className="panel__heading" tabIndex={-1}>
          {t('form.settings-title')}
        </h2>
        <p className="panel__hint">{t('form.no-selection')}</p>
      </section>
    );
  }
  const description = describeNode(kind, node.data.config, t);

  return (
    <section className="panel settings" aria-labelledby={HEADING_ID}>
      <h2 id={HEADING_ID} className="panel__heading" tabIndex={-1} style={{ color: nodeViewOf(node.type).color }}>
        {description.title}
      </h2>
      <p className="panel__hint" data-testid="settings-summary">
        {description.summary}
      </p>
      <p className="panel__meta">
        {t('form.step-id')}: <code>{node.id}</code>
      </p>
      <fieldset className="settings__form" disabled={readOnly}>
        <div className="field">
          <label htmlFor={`label-${node.id}`}>{t('form.canvas-name')}</label>
          <input
            id={`label-${node.id}`}
            type="text"
            value={node.data.label ?? ''}
            placeholder={description.title}
            onChange={(e) => onLabelChange(node.id, e.target.value)}
          />
        </div>
        {fields ? (
          <ConfigForm
            key={node.id}
            nodeId={node.id}
            fields={fields}
            config={node.data.config}
            lookups={lookups}
            errorOf={errorOf}
            onChange={onChange}
          />
        ) : (
          <ConfigJson key={node.id} nodeId={node.id} config={node.data.config} onChange={onChange} />
        )}
      </fieldset>
      {!readOnly && (
        <button type="button" className="button button--danger" onClick={() => onDelete(node.id)}>
          {t('form.delete-step')}
        </button>
      )}
    </section>
  );
};

/** The whole config as JSON, applied whenever it parses to an object. */
const ConfigJson = ({
  nodeId,
  config,
  onChange,
}: {
  nodeId: string;
  config: Record<string, unknown>;
  onChange(config: Record<string, unknown>): void;
}) => {
  const t = useT();
  const [text, setText] = useState(() => JSON.stringify(config, null, 2));
  const [invalid, setInvalid] = useState(false);
  return (
    <div className="field">
      <label htmlFor={fieldIdOf(nodeId, [])}>{t('form.settings-json')}</label>
      <textarea
        id={fieldIdOf(nodeId, [])}
        rows={8}
        value={text}
        aria-invalid={invalid}
        onChange={(e) => {
          setText(e.target.value);
          try {
            const parsed: unknown = JSON.parse(e.target.value);
            const isObject = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed);
            setInvalid(!isObject);
            if (isObject) onChange(parsed as Record<string, unknown>);
          } catch {
            setInvalid(true);
          }
        }}
      />
      {invalid && <p className="field__error">{t('form.json-invalid')}</p>}
    </div>
  );
};
