import type { ReactNode } from 'react';
import { fieldIdOf, valueAt, type ConfigField, type FieldPath } from './config-fields';
import { optionLabel, variantChoiceKey, variantLabelKey } from './panel-strings';
import { useT } from '../i18n';

type Props = {
  nodeId: string;
  field: Extract<ConfigField, { control: 'variant' }>;
  path: FieldPath;
  value: unknown;
  errorOf(path: FieldPath): string | null;
  onChange(value: unknown): void;
  /** Renders one of the chosen shape's fields with the form's own machinery. */
  renderField(child: ConfigField, path: FieldPath): ReactNode;
};

/**
 * A setting that takes one of several shapes (a schedule every week or once): a select of the shapes, then the
 * chosen shape's own fields. The select's id is the discriminator's path, so a problem there focuses it.
 */
export const VariantFields = ({ nodeId, field, path, value, errorOf, onChange, renderField }: Props) => {
  const t = useT();
  const choicePath = [...path, field.discriminator];
  const id = fieldIdOf(nodeId, choicePath);
  const current = valueAt(value, [field.discriminator]);
  const chosen = field.variants.find((variant) => variant.value === current);
  const error = errorOf(choicePath);
  const errorId = `${id}-error`;
  const described = error ? { 'aria-describedby': errorId, 'aria-invalid': true } : {};
  const choiceKey = variantChoiceKey(field.name);
  const labelOf = (variant: (typeof field.variants)[number]) => {
    const key = variantLabelKey(field.name, variant.value);
    return key ? t(key) : optionLabel(t, variant.value);
  };
  return (
    <>
      <div className="field field--select">
        <label htmlFor={id}>{choiceKey ? t(choiceKey) : field.choiceLabel}</label>
        <select
          id={id}
          value={chosen?.value ?? ''}
          onChange={(e) => {
            const next = field.variants.find((variant) => variant.value === e.target.value);
            if (next) onChange(next.start(value));
          }}
          {...described}
        >
          {!chosen && <option value="">{t('form.choose')}</option>}
          {field.variants.map((variant) => (
            <option key={variant.value} value={variant.value}>
              {labelOf(variant)}
            </option>
          ))}
        </select>
        {error && (
          <p id={errorId} className="field__error">
            {error}
          </p>
        )}
      </div>
      {chosen?.fields.map((child) => renderField(child, [...path, child.name]))}
    </>
  );
};
