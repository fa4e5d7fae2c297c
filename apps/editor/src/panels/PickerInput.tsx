import type { PickerControl } from './config-fields';
import type { WorkspaceLookups } from './lookups';
import { useT, type Translate } from '../i18n';

type Props = {
  id: string;
  control: PickerControl;
  optional: boolean;
  value: unknown;
  onChange(value: unknown): void;
  described: object;
  lookups: WorkspaceLookups;
  /** The sibling `source` (`profile` or `event`), for a path that can read either. */
  source: unknown;
  /** The step's own `event` setting, for a filter on that event's properties. */
  eventName: unknown;
};

type Choice = { value: string; label: string };

const suggestionsFor = ({ control, lookups, source, eventName }: Props, t: Translate): Choice[] => {
  const attributes = lookups.attributes.map((attribute) => {
    const type = t(`attribute.type.${attribute.type}`);
    return { value: attribute.name, label: attribute.label ? `${attribute.label} (${type})` : type };
  });
  const properties = (name?: unknown) =>
    lookups.events
      .filter((event) => typeof name !== 'string' || event.name === name)
      .flatMap((event) =>
        event.properties.map((property) => ({
          value: property.path,
          label: `${event.name} · ${t(`attribute.type.${property.type}`)}`,
        })),
      );
  switch (control) {
    case 'attribute':
      return attributes;
    case 'attribute-or-property':
      return source === 'event' ? properties() : attributes;
    case 'property':
      return properties(eventName);
    case 'event':
      return lookups.events.map((event) => ({ value: event.name, label: event.name }));
    default:
      return [];
  }
};

const listedFor = (control: PickerControl, lookups: WorkspaceLookups): Choice[] | null => {
  const list =
    control === 'template'
      ? lookups.templates
      : control === 'coupon-pool'
        ? lookups.couponPools
        : control === 'audience'
          ? lookups.audiences
          : null;
  return list?.map((item) => ({ value: item.key, label: `${item.name} (${item.key})` })) ?? null;
};

/**
 * A workspace thing picked by name: a select of the workspace's templates, coupon pools or audiences when the
 * list loaded, else a text input suggesting attributes, event names and properties (free text stays allowed).
 */
export const PickerInput = (props: Props) => {
  const t = useT();
  const { id, control, optional, value, onChange, described, lookups } = props;
  const text = typeof value === 'string' ? value : '';
  const listed = listedFor(control, lookups);
  if (listed) {
    const missing = text !== '' && !listed.some((choice) => choice.value === text);
    return (
      <select id={id} value={text} onChange={(e) => onChange(e.target.value)} {...described}>
        {text === '' && <option value="">{t('form.choose')}</option>}
        {missing && <option value={text}>{`${text} ${t('form.missing-option')}`}</option>}
        {listed.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
    );
  }
  const suggestions = suggestionsFor(props, t);
  const listId = `${id}-suggestions`;
  const isAttribute = control === 'attribute' || (control === 'attribute-or-property' && props.source !== 'event');
  const hint =
    isAttribute && lookups.attributeSource === 'customers'
      ? t('form.attributes-from-customers')
      : isAttribute && lookups.attributeSource === 'none'
        ? t('form.attributes-free-text')
        : null;
  return (
    <>
      <input
        id={id}
        type="text"
        list={suggestions.length > 0 ? listId : undefined}
        autoComplete="off"
        value={text}
        onChange={(e) => onChange(optional && e.target.value === '' ? undefined : e.target.value)}
        {...described}
      />
      {suggestions.length > 0 && (
        <datalist id={listId}>
          {suggestions.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </datalist>
      )}
      {hint && <p className="field__hint">{hint}</p>}
    </>
  );
};
