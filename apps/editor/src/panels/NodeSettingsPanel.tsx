import { nodeKindOrNull, type Problem } from '@rapport/journey';
import { useEffect, useState } from 'react';
import type { JourneyFlowNode } from '../graph/flow-types';
import { describeNode } from '../graph/node-description';
import { nodeViewOf } from '../nodes/node-views';
import { configFieldsOf } from './config-fields';
import { ConfigFieldInput } from './ConfigFieldInput';

type Props = {
  node: JourneyFlowNode | null;
  problems: Problem[];
  onConfigChange(nodeId: string, config: Record<string, unknown>): void;
  onLabelChange(nodeId: string, label: string): void;
  onDelete(nodeId: string): void;
};

const withField = (config: Record<string, unknown>, name: string, value: unknown): Record<string, unknown> => {
  const next = { ...config };
  if (value === undefined) delete next[name];
  else next[name] = value;
  return next;
};

/** The selected step's settings: a form generated from its kind's zod schema, JSON when the schema is not an object. */
export const NodeSettingsPanel = ({ node, problems, onConfigChange, onLabelChange, onDelete }: Props) => {
  if (!node) {
    return (
      <section className="panel settings" aria-labelledby="settings-heading">
        <h2 id="settings-heading" className="panel__heading">
          Settings
        </h2>
        <p className="panel__hint">Select a step on the canvas to change its settings.</p>
      </section>
    );
  }
  const kind = node.type === 'unknown' ? node.data.unknownKind : node.type;
  const definition = nodeKindOrNull(kind);
  const fields = definition ? configFieldsOf(definition.schema) : null;
  const description = describeNode(kind, node.data.config);
  const nodeProblems = problems.filter((found) => found.nodeId === node.id);
  const errorOf = (name: string) =>
    nodeProblems.find((found) => found.path[0] === 'config' && found.path[1] === name)?.message ?? null;

  return (
    <section className="panel settings" aria-labelledby="settings-heading">
      <h2 id="settings-heading" className="panel__heading" style={{ color: nodeViewOf(node.type).color }}>
        {description.title}
      </h2>
      <p className="panel__hint">
        Step <code>{node.id}</code>: {description.summary}
      </p>
      <div className="field">
        <label htmlFor={`label-${node.id}`}>Name on the canvas (optional)</label>
        <input
          id={`label-${node.id}`}
          type="text"
          value={node.data.label ?? ''}
          placeholder={description.title}
          onChange={(e) => onLabelChange(node.id, e.target.value)}
        />
      </div>
      {fields ? (
        fields.map((field) => (
          <ConfigFieldInput
            key={`${node.id}:${field.name}`}
            nodeId={node.id}
            field={field}
            value={node.data.config[field.name]}
            error={errorOf(field.name)}
            onChange={(value) => onConfigChange(node.id, withField(node.data.config, field.name, value))}
          />
        ))
      ) : (
        <ConfigJson
          key={node.id}
          nodeId={node.id}
          config={node.data.config}
          onChange={(config) => onConfigChange(node.id, config)}
        />
      )}
      <button type="button" className="button button--danger" onClick={() => onDelete(node.id)}>
        Delete step
      </button>
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
  const [text, setText] = useState(() => JSON.stringify(config, null, 2));
  const [invalid, setInvalid] = useState(false);
  useEffect(() => setInvalid(false), [nodeId]);
  return (
    <div className="field">
      <label htmlFor={`config-${nodeId}`}>Settings (JSON)</label>
      <textarea
        id={`config-${nodeId}`}
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
      {invalid && <p className="field__error">This is not a JSON object yet.</p>}
    </div>
  );
};
