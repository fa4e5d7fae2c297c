import type { MessageKey } from '@rapport/messages';
import { useI18n } from '../../i18n';
import type { AttributeInfo } from '../screens-api';
import { formatAttributeValue, groupAttributes, type AttributeRow } from './attribute-values';

const TEXT = {
  attributes: 'screens.customers.attributes',
  computed: 'screens.customers.computed',
  computedHint: 'screens.customers.computed-hint',
  attribute: 'screens.customers.attribute',
  value: 'screens.customers.value',
  none: 'screens.customers.no-attributes',
} as const satisfies Record<string, MessageKey>;

/** The attributes the shop sent or a marketer declared, then those computed from orders, values written the reader's way. */
export const CustomerAttributes = ({
  attributes,
  known,
  timeZone,
}: {
  attributes: Record<string, unknown> | null;
  known: readonly AttributeInfo[];
  timeZone: string;
}) => {
  const { t, locale, format } = useI18n();
  const { own, computed } = groupAttributes(attributes, known);
  const words = {
    yes: t('screens.customers.yes'),
    no: t('screens.customers.no'),
    empty: t('screens.customers.not-set'),
  };
  const table = (rows: AttributeRow[], testId: string) => (
    <table data-testid={testId}>
      <thead>
        <tr>
          <th scope="col">{t(TEXT.attribute)}</th>
          <th scope="col">{t(TEXT.value)}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.name}>
            <th scope="row">
              {row.label && row.label !== row.name ? (
                <>
                  {row.label} <code className="hint">{row.name}</code>
                </>
              ) : (
                <code>{row.name}</code>
              )}
            </th>
            <td className="customer-attribute-value">
              {formatAttributeValue(row.value, { locale, format, timeZone, words })}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );

  return (
    <section aria-labelledby="customer-attributes">
      <h2 id="customer-attributes">{t(TEXT.attributes)}</h2>
      {own.length === 0 && computed.length === 0 && <p>{t(TEXT.none)}</p>}
      {own.length > 0 && table(own, 'customer-attributes')}
      {computed.length > 0 && (
        <>
          <h3>{t(TEXT.computed)}</h3>
          <p className="hint">{t(TEXT.computedHint)}</p>
          {table(computed, 'customer-computed')}
        </>
      )}
    </section>
  );
};
