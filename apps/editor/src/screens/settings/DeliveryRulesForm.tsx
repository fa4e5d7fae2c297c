import { useState, type FormEvent } from 'react';
import { ErrorNote } from '../ErrorNote';
import { screensApi, type DeliveryRules, type FrequencyCap, type QuietHours } from '../screens-api';
import { useT } from '../../i18n';
import type { MessageKey } from '@rapport/messages';

type Channel = 'email' | 'sms';
const CHANNELS: Channel[] = ['email', 'sms'];

const TEXT = {
  title: 'screens.delivery.title',
  channel: {
    email: 'screens.delivery.channel.email',
    sms: 'screens.delivery.channel.sms',
  },
  consent: 'screens.delivery.consent',
  consentOptions: {
    granted: 'screens.delivery.consent-options.granted',
    required: 'screens.delivery.consent-options.required',
  },
  quiet: 'screens.delivery.quiet',
  from: 'screens.delivery.from',
  to: 'screens.delivery.to',
  caps: 'screens.delivery.caps',
  max: 'screens.delivery.max',
  days: 'screens.delivery.days',
  overCap: 'screens.delivery.over-cap',
  overCapOptions: {
    suppress: 'screens.delivery.over-cap-options.suppress',
    defer: 'screens.delivery.over-cap-options.defer',
  },
  privateWebhooks: 'screens.delivery.private-webhooks',
  save: 'screens.delivery.save',
  saved: 'screens.delivery.saved',
} as const satisfies Record<string, MessageKey | Record<string, MessageKey>>;

/**
 * Consent defaults, quiet hours and frequency caps per channel: the whole document replaces the stored one.
 * `readOnly`: shown as they are (everyone reads them; only admins change them).
 */
export const DeliveryRulesForm = ({ initial, readOnly = false }: { initial: DeliveryRules; readOnly?: boolean }) => {
  const t = useT();
  const [rules, setRules] = useState<DeliveryRules>(initial);
  const [status, setStatus] = useState<{ note: string | null; error: string | null }>({ note: null, error: null });

  const setQuiet = (channel: Channel, quiet: QuietHours | undefined) =>
    setRules({ ...rules, quietHours: { ...rules.quietHours, [channel]: quiet } });
  const setCap = (channel: Channel, cap: FrequencyCap | undefined) =>
    setRules({ ...rules, frequencyCaps: { ...rules.frequencyCaps, [channel]: cap } });

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setStatus({ note: null, error: null });
    try {
      setRules(await screensApi.saveDeliveryRules(rules));
      setStatus({ note: t(TEXT.saved), error: null });
    } catch (caught) {
      setStatus({ note: null, error: (caught as Error).message });
    }
  };

  return (
    <form onSubmit={(event) => void save(event)} aria-label={t(TEXT.title)}>
      <h2>{t(TEXT.title)}</h2>
      <fieldset disabled={readOnly} className="plain-fieldset">
        <fieldset>
          <legend>{t(TEXT.consent)}</legend>
          <div className="form-grid">
            {CHANNELS.map((channel) => (
              <ConsentField key={channel} channel={channel} rules={rules} onChange={setRules} />
            ))}
          </div>
        </fieldset>
        <fieldset>
          <legend>{t(TEXT.quiet)}</legend>
          {CHANNELS.map((channel) => {
            const quiet = rules.quietHours[channel];
            return (
              <div className="rule-row" key={channel}>
                <label>
                  <input
                    type="checkbox"
                    checked={quiet !== undefined}
                    onChange={(event) =>
                      setQuiet(channel, event.target.checked ? { from: '21:00', to: '08:00' } : undefined)
                    }
                  />{' '}
                  {t('screens.delivery.quiet-on', { channel: t(TEXT.channel[channel]) })}
                </label>
                {quiet && (
                  <>
                    <label htmlFor={`quiet-${channel}-from`}>{t(TEXT.from)}</label>
                    <input
                      id={`quiet-${channel}-from`}
                      type="time"
                      required
                      value={quiet.from}
                      onChange={(event) => setQuiet(channel, { ...quiet, from: event.target.value })}
                    />
                    <label htmlFor={`quiet-${channel}-to`}>{t(TEXT.to)}</label>
                    <input
                      id={`quiet-${channel}-to`}
                      type="time"
                      required
                      value={quiet.to}
                      onChange={(event) => setQuiet(channel, { ...quiet, to: event.target.value })}
                    />
                  </>
                )}
              </div>
            );
          })}
        </fieldset>
        <fieldset>
          <legend>{t(TEXT.caps)}</legend>
          {CHANNELS.map((channel) => {
            const cap = rules.frequencyCaps[channel];
            return (
              <div className="rule-row" key={channel}>
                <label>
                  <input
                    type="checkbox"
                    checked={cap !== undefined}
                    onChange={(event) =>
                      setCap(channel, event.target.checked ? { max: 3, days: 7, overCap: 'suppress' } : undefined)
                    }
                  />{' '}
                  {t('screens.delivery.cap-on', { channel: t(TEXT.channel[channel]) })}
                </label>
                {cap && (
                  <>
                    <label htmlFor={`cap-${channel}-max`}>{t(TEXT.max)}</label>
                    <input
                      id={`cap-${channel}-max`}
                      type="number"
                      min={1}
                      max={1000}
                      required
                      value={cap.max}
                      onChange={(event) => setCap(channel, { ...cap, max: Number(event.target.value) })}
                    />
                    <label htmlFor={`cap-${channel}-days`}>{t(TEXT.days)}</label>
                    <input
                      id={`cap-${channel}-days`}
                      type="number"
                      min={1}
                      max={365}
                      required
                      value={cap.days}
                      onChange={(event) => setCap(channel, { ...cap, days: Number(event.target.value) })}
                    />
                    <label htmlFor={`cap-${channel}-over`}>{t(TEXT.overCap)}</label>
                    <select
                      id={`cap-${channel}-over`}
                      value={cap.overCap}
                      onChange={(event) =>
                        setCap(channel, { ...cap, overCap: event.target.value as FrequencyCap['overCap'] })
                      }
                    >
                      {(Object.keys(TEXT.overCapOptions) as FrequencyCap['overCap'][]).map((option) => (
                        <option key={option} value={option}>
                          {t(TEXT.overCapOptions[option])}
                        </option>
                      ))}
                    </select>
                  </>
                )}
              </div>
            );
          })}
        </fieldset>
        <label>
          <input
            type="checkbox"
            checked={rules.allowPrivateWebhooks}
            onChange={(event) => setRules({ ...rules, allowPrivateWebhooks: event.target.checked })}
          />{' '}
          {t(TEXT.privateWebhooks)}
        </label>
      </fieldset>
      <ErrorNote message={status.error} />
      <p role="status">{status.note && <span className="ok-note">{status.note}</span>}</p>
      {!readOnly && (
        <button type="submit" className="button button--primary">
          {t(TEXT.save)}
        </button>
      )}
    </form>
  );
};

const ConsentField = ({
  channel,
  rules,
  onChange,
}: {
  channel: Channel;
  rules: DeliveryRules;
  onChange(rules: DeliveryRules): void;
}) => {
  const t = useT();
  return (
    <>
      <label htmlFor={`consent-${channel}`}>{t(TEXT.channel[channel])}</label>
      <select
        id={`consent-${channel}`}
        value={rules.consentDefaults[channel]}
        onChange={(event) =>
          onChange({
            ...rules,
            consentDefaults: { ...rules.consentDefaults, [channel]: event.target.value as 'granted' | 'required' },
          })
        }
      >
        {(['granted', 'required'] as const).map((option) => (
          <option key={option} value={option}>
            {t(TEXT.consentOptions[option])}
          </option>
        ))}
      </select>
    </>
  );
};
