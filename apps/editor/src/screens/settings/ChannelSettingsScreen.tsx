import { useState, type FormEvent } from 'react';
import { useCan } from '../../auth/use-can';
import { ReadOnlyNote } from '../access/ReadOnlyNote';
import { ErrorNote, Pending } from '../ErrorNote';
import { screensApi, type Channels, type ShopSource } from '../screens-api';
import { useLoad } from '../use-load';
import { DeliveryRulesForm } from './DeliveryRulesForm';

const TEXT = {
  title: 'Channel settings',
  adminsOnly: 'Only admins see and change these settings.',
  rulesOnly: 'The providers and the shop webhook sources (with their secrets) are shown to admins only.',
  providers: 'Providers',
  providersLoading: 'Loading providers…',
  email: 'Email',
  sms: 'SMS',
  via: (server: string) => `via ${server}`,
  secure: '(TLS)',
  from: (sender: string) => `sender ${sender}`,
  noSender: 'none set: SMS cannot be sent',
  smsOff: 'Not configured: SMS steps fail until SMS_URL is set on the server.',
  providersUnknown:
    "The server does not list its providers here. Email goes through the SMTP server in SMTP_URL and SMS through SMS_URL (set in the server's environment; secrets are never shown).",
  loadingRules: 'Loading delivery rules…',
  sources: 'Shop webhook sources',
  sourcesLoading: 'Loading sources…',
  noSources: 'No shop sends webhooks yet.',
  name: 'Name',
  scheme: 'Signing',
  url: 'Webhook URL (give it to the shop)',
  secrets: 'Secrets',
  schemes: { shopify: 'Shopify', 'standard-webhooks': 'Standard Webhooks' },
  newSource: 'Add a source',
  create: 'Add source',
  created: (name: string) => `Added "${name}". Add a secret through the API to start receiving.`,
} as const;

/** The providers, read only: set in the server's environment, credentials never shown. */
const Providers = ({ channels }: { channels: Channels }) => (
  <dl className="form-grid" data-testid="providers">
    <dt>{TEXT.email}</dt>
    <dd>
      {channels.email.provider} {channels.email.server && TEXT.via(channels.email.server)}
      {channels.email.secure && ` ${TEXT.secure}`} · {TEXT.from(channels.email.from)}
    </dd>
    <dt>{TEXT.sms}</dt>
    <dd>
      {channels.sms
        ? `${channels.sms.provider} ${TEXT.via(channels.sms.server)} · ${TEXT.from(channels.sms.from ?? TEXT.noSender)}`
        : TEXT.smsOff}
    </dd>
  </dl>
);

/**
 * Admins: the providers (read only), quiet hours, frequency caps, consent defaults, and shop webhook sources.
 * Everyone else reads the delivery rules (they shape every journey) without the admin-only parts.
 */
export const ChannelSettingsScreen = () => {
  const canSeeProviders = useCan('GET', '/settings/channels');
  const canSeeSources = useCan('GET', '/settings/shop-sources');
  const canChangeRules = useCan('PUT', '/settings/delivery-rules');
  const rules = useLoad(() => screensApi.deliveryRules(), 'delivery-rules');
  return (
    <>
      <h1>{TEXT.title}</h1>
      {canSeeProviders ? <p className="hint">{TEXT.adminsOnly}</p> : <p className="hint">{TEXT.rulesOnly}</p>}
      <ReadOnlyNote method="PUT" path="/settings/delivery-rules" />
      {canSeeProviders && <ProvidersSection />}
      {rules.data ? (
        <DeliveryRulesForm initial={rules.data} readOnly={!canChangeRules} />
      ) : (
        <Pending error={rules.error} label={TEXT.loadingRules} />
      )}
      {canSeeSources && <ShopSources />}
    </>
  );
};

const ProvidersSection = () => {
  const providers = useLoad(() => screensApi.channels(), 'channels');
  return (
    <>
      <h2>{TEXT.providers}</h2>
      {providers.data ? (
        <Providers channels={providers.data} />
      ) : providers.error ? (
        <p className="hint">{TEXT.providersUnknown}</p>
      ) : (
        <p aria-busy="true">{TEXT.providersLoading}</p>
      )}
    </>
  );
};

const ShopSources = () => {
  const sources = useLoad(() => screensApi.shopSources(), 'shop-sources');
  const [name, setName] = useState('');
  const [scheme, setScheme] = useState<ShopSource['scheme']>('shopify');
  const [status, setStatus] = useState<{ note: string | null; error: string | null }>({ note: null, error: null });
  const create = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const created = await screensApi.createShopSource(name.trim(), scheme);
      setStatus({ note: TEXT.created(created.name), error: null });
      setName('');
      sources.reload();
    } catch (caught) {
      setStatus({ note: null, error: (caught as Error).message });
    }
  };
  return (
    <section aria-label={TEXT.sources}>
      <h2>{TEXT.sources}</h2>
      {!sources.data && <Pending error={sources.error} label={TEXT.sourcesLoading} />}
      {sources.data?.length === 0 && <p>{TEXT.noSources}</p>}
      {sources.data && sources.data.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">{TEXT.name}</th>
              <th scope="col">{TEXT.scheme}</th>
              <th scope="col">{TEXT.url}</th>
              <th scope="col">{TEXT.secrets}</th>
            </tr>
          </thead>
          <tbody>
            {sources.data.map((source) => (
              <tr key={source.id}>
                <td>{source.name}</td>
                <td>{TEXT.schemes[source.scheme]}</td>
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
        <h3>{TEXT.newSource}</h3>
        <label htmlFor="source-name">{TEXT.name}</label>{' '}
        <input id="source-name" type="text" required value={name} onChange={(event) => setName(event.target.value)} />{' '}
        <label htmlFor="source-scheme">{TEXT.scheme}</label>{' '}
        <select
          id="source-scheme"
          value={scheme}
          onChange={(event) => setScheme(event.target.value as ShopSource['scheme'])}
        >
          {(Object.keys(TEXT.schemes) as ShopSource['scheme'][]).map((option) => (
            <option key={option} value={option}>
              {TEXT.schemes[option]}
            </option>
          ))}
        </select>{' '}
        <button type="submit" className="button">
          {TEXT.create}
        </button>
        <ErrorNote message={status.error} />
        <p role="status">{status.note}</p>
      </form>
    </section>
  );
};
