import type { Locale, MessageKey } from '@rapport/messages';
import type { ReactNode } from 'react';
import { useFormat, useI18n, useT } from '../../i18n';
import { CHANNEL_NAMES, type Consent, type ConsentChannel, type Profile } from './customers-api';

const TEXT = {
  profile: 'screens.customers.profile',
  notSet: 'screens.customers.not-set',
  consent: 'screens.customers.consent',
  channelHeader: 'screens.customers.consent.channel',
  state: 'screens.customers.consent.state',
  source: 'screens.customers.consent.source',
  when: 'screens.customers.consent.when',
  granted: 'screens.customers.consent.granted',
  withdrawn: 'screens.customers.consent.withdrawn',
  byDefault: 'screens.customers.consent.default',
} as const satisfies Record<string, MessageKey>;

const FIELDS = {
  externalId: 'screens.customers.external-id',
  email: 'screens.customers.email',
  phone: 'screens.customers.field.phone',
  timeZone: 'screens.customers.field.time-zone',
  locale: 'screens.customers.field.language',
  createdAt: 'screens.customers.field.created',
  updatedAt: 'screens.customers.updated',
  id: 'screens.customers.field.id',
} as const satisfies Record<string, MessageKey>;

const CONSENT_CHANNELS: readonly ConsentChannel[] = ['email', 'sms'];

// Where consent was given or withdrawn, as the engine records it; a source it adds later shows as written.
const SOURCES: Record<string, MessageKey> = {
  identify: 'screens.customers.consent-source.identify',
  'unsubscribe link': 'screens.customers.consent-source.unsubscribe-link',
  api: 'screens.customers.consent-source.api',
  import: 'screens.customers.consent-source.import',
};

/** `zh-CN` as `中文（中国） (zh-CN)` for a Chinese reader: the language named, the tag kept for the precise. */
const languageName = (tag: string, reader: Locale): string => {
  try {
    const name = new Intl.DisplayNames([reader], { type: 'language' }).of(tag);
    return name && name !== tag ? `${name} (${tag})` : tag;
  } catch {
    return tag;
  }
};

/** Who the customer is and how to reach them, and which channels they accept (with where and when they said so). */
export const CustomerProfile = ({ profile, timeZone }: { profile: Profile; timeZone: string }) => {
  const t = useT();
  const format = useFormat();
  const { locale } = useI18n();
  const orNotSet = (value: string | null) => value ?? <span className="hint">{t(TEXT.notSet)}</span>;
  const rows: [MessageKey, ReactNode][] = [
    [FIELDS.externalId, orNotSet(profile.externalId)],
    [FIELDS.email, orNotSet(profile.email)],
    [FIELDS.phone, orNotSet(profile.phone)],
    [FIELDS.timeZone, orNotSet(profile.timeZone)],
    [FIELDS.locale, orNotSet(profile.locale && languageName(profile.locale, locale))],
    [FIELDS.createdAt, orNotSet(profile.createdAt && format.dateTime(profile.createdAt, timeZone))],
    [FIELDS.updatedAt, orNotSet(profile.updatedAt && format.dateTime(profile.updatedAt, timeZone))],
    [FIELDS.id, <code key="id">{profile.id}</code>],
  ];
  const consentState = (consent: Consent | null) =>
    consent === null ? t(TEXT.byDefault) : consent.granted ? t(TEXT.granted) : t(TEXT.withdrawn);
  const sourceOf = (consent: Consent) => {
    const key = SOURCES[consent.source];
    return key ? t(key) : consent.source;
  };

  return (
    <>
      <section aria-labelledby="customer-profile">
        <h2 id="customer-profile">{t(TEXT.profile)}</h2>
        <dl className="customer-fields" data-testid="customer-profile">
          {rows.map(([label, value]) => (
            <div key={label}>
              <dt>{t(label)}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section aria-labelledby="customer-consent">
        <h2 id="customer-consent">{t(TEXT.consent)}</h2>
        <table data-testid="customer-consent">
          <thead>
            <tr>
              <th scope="col">{t(TEXT.channelHeader)}</th>
              <th scope="col">{t(TEXT.state)}</th>
              <th scope="col">{t(TEXT.source)}</th>
              <th scope="col">{t(TEXT.when)}</th>
            </tr>
          </thead>
          <tbody>
            {CONSENT_CHANNELS.map((channel) => {
              const consent = profile.consent[channel];
              return (
                <tr key={channel}>
                  <th scope="row">{t(CHANNEL_NAMES[channel])}</th>
                  <td>{consentState(consent)}</td>
                  <td>{consent ? sourceOf(consent) : ''}</td>
                  <td>{consent ? format.dateTime(consent.changedAt, timeZone) : ''}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
    </>
  );
};
