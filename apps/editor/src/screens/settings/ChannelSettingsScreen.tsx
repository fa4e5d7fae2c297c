import { useState, type FormEvent } from 'react';
import { useCan } from '../../auth/use-can';
import { ReadOnlyNote } from '../access/ReadOnlyNote';
import { ErrorNote, Pending } from '../ErrorNote';
import { screensApi, type Channels, type ShopSource } from '../screens-api';
import { useLoad } from '../use-load';
import { DeliveryRulesForm } from './DeliveryRulesForm';
import { useT } from '../../i18n';
import type { MessageKey } from '@rapport/messages';

const TEXT = {
  title: 'screens.channels.title',
  adminsOnly: 'screens.channels.admins-only',
  rulesOnly: 'screens.channels.rules-only',
  providers: 'screens.channels.providers',
  providersLoading: 'screens.channels.providers-loading',
  email: 'screens.channels.email',
  sms: 'screens.channels.sms',
  secure: 'screens.channels.secure',
  noSender: 'screens.channels.no-sender',
  loadingRules: 'screens.channels.loading-rules',
  sources: 'screens.channels.sources',
  sourcesLoading: 'screens.channels.sources-loading',
  noSources: 'screens.channels.no-sources',
  name: 'screens.channels.name',
  scheme: 'screens.channels.scheme',
  url: 'screens.channels.url',
  secrets: 'screens.channels.secrets',
  newSource: 'screens.channels.new-source',
  create: 'screens.channels.create',
} as const satisfies Record<string, MessageKey | Record<string, MessageKey>>;

// Product names: the same in every language.
const SCHEME_NAMES = { shopify: 'Shopify', 'standard-webhooks': 'Standard Webhooks' } as const;

/** The providers, read only: set in the server's environment, credentials never shown. */
const Providers = ({ channels }: { channels: Channels }) => {
  const t = useT();
  return (
    <dl className="form-grid" data-testid="providers">
      <dt>{t(TEXT.email)}</dt>
      <dd>
        {channels.email.provider}{' '}
        {channels.email.server && t('screens.channels.via', { server: channels.email.server })}
        {channels.email.secure && ` ${t(TEXT.secure)}`} · {t('screens.channels.from', { sender: channels.email.from })}
      </dd>
      <dt>{t(TEXT.sms)}</dt>
      <dd>
        {channels.sms
          ? `${channels.sms.provider} ${t('screens.channels.via', { server: channels.sms.server })} · ${t('screens.channels.from', { sender: channels.sms.from ?? t(TEXT.noSender) })}`
          : t('screens.channels.sms-off', { smsUrl: 'SMS_URL' })}
      </dd>
    </dl>
  );
};

/**
 * Admins: the providers (read only), quiet hours, frequency caps, consent defaults, and shop webhook sources.
 * Everyone else reads the delivery rules (they shape every journey) without the admin-only parts.
 */
export const ChannelSettingsScreen = () => {
  const t = useT();
  const canSeeProviders = useCan('GET', '/settings/channels');
  const canSeeSources = useCan('GET', '/settings/shop-sources');
  const canChangeRules = useCan('PUT', '/settings/delivery-rules');
  const rules = useLoad(() => screensApi.deliveryRules(), 'delivery-rules');
  return (
    <>
      <h1>{t(TEXT.title)}</h1>
      {canSeeProviders ? <p className="hint">{t(TEXT.adminsOnly)}</p> : <p className="hint">{t(TEXT.rulesOnly)}</p>}
      <ReadOnlyNote method="PUT" path="/settings/delivery-rules" />
      {canSeeProviders && <ProvidersSection />}
      {rules.data ? (
        <DeliveryRulesForm initial={rules.data} readOnly={!canChangeRules} />
      ) : (
        <Pending error={rules.error} label={t(TEXT.loadingRules)} />
      )}
      {canSeeSources && <ShopSources />}
    </>
  );
};

const ProvidersSection = () => {
  const t = useT();
  const providers = useLoad(() => screensApi.channels(), 'channels');
  return (
    <>
      <h2>{t(TEXT.providers)}</h2>
      {providers.data ? (
        <Providers channels={providers.data} />
      ) : providers.error ? (
        <p className="hint">{t('screens.channels.providers-unknown', { smtpUrl: 'SMTP_URL', smsUrl: 'SMS_URL' })}</p>
      ) : (
        <p aria-busy="true">{t(TEXT.providersLoading)}</p>
      )}
    </>
  );
};

const ShopSources = () => {
  const t = useT();
  const sources = useLoad(() => screensApi.shopSources(), 'shop-sources');
  const [name, setName] = useState('');
  const [scheme, setScheme] = useState<ShopSource['scheme']>('shopify');
  const [status, setStatus] = useState<{ note: string | null; error: string | null }>({ note: null, error: null });
  const create = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const created = await screensApi.createShopSource(name.trim(), scheme);
      setStatus({ note: t('screens.channels.created', { name: created.name }), error: null });
      setName('');
      sources.reload();
    } catch (caught) {
      setStatus({ note: null, error: (caught as Error).message });
    }
  };
  return (
    <section aria-label={t(TEXT.sources)}>
      <h2>{t(TEXT.sources)}</h2>
      {!sources.data && <Pending error={sources.error} label={t(TEXT.sourcesLoading)} />}
      {sources.data?.length === 0 && <p>{t(TEXT.noSources)}</p>}
      {sources.data && sources.data.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">{t(TEXT.name)}</th>
              <th scope="col">{t(TEXT.scheme)}</th>
              <th scope="col">{t(TEXT.url)}</th>
              <th scope="col">{t(TEXT.secrets)}</th>
            </tr>
          </thead>
          <tbody>
            {sources.data.map((source) => (
              <tr key={source.id}>
                <td>{source.name}</td>
                <td>{SCHEME_NAMES[source.scheme]}</td>
                <td>
                  <code>{source.webhookUrl}</code>
                </td>
                <td>{source.secrets.map((secret) => secret.hint).join(', ') || '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form onSubmit={(event) => void create(event)}>
        <h3>{t(TEXT.newSource)}</h3>
        <label htmlFor="source-name">{t(TEXT.name)}</label>{' '}
        <input id="source-name" type="text" required value={name} onChange={(event) => setName(event.target.value)} />{' '}
        <label htmlFor="source-scheme">{t(TEXT.scheme)}</label>{' '}
        <select
          id="source-scheme"
          value={scheme}
          onChange={(event) => setScheme(event.target.value as ShopSource['scheme'])}
        >
          {(Object.keys(SCHEME_NAMES) as ShopSource['scheme'][]).map((option) => (
            <option key={option} value={option}>
              {SCHEME_NAMES[option]}
            </option>
          ))}
        </select>{' '}
        <button type="submit" className="button">
          {t(TEXT.create)}
        </button>
        <ErrorNote message={status.error} />
        <p role="status">{status.note}</p>
      </form>
    </section>
  );
};
