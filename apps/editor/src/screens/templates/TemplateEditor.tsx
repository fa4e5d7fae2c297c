import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { ApiError } from '../../api/api-client';
import { useCan } from '../../auth/use-can';
import { ErrorNote } from '../ErrorNote';
import { screensApi, type Customer, type RenderedEmail, type Template } from '../screens-api';
import { useLoad } from '../use-load';
import { CustomerPicker } from './CustomerPicker';
import { templateVariables } from './template-variables';
import { TemplateVariables } from './TemplateVariables';
import { useT } from '../../i18n';
import type { MessageKey } from '@rapport/messages';

const TEXT = {
  name: 'screens.template.name',
  subject: 'screens.template.subject',
  html: 'screens.template.html',
  text: 'screens.template.text',
  layout: 'screens.template.layout',
  noLayout: 'screens.template.no-layout',
  save: 'screens.template.save',
  saving: 'screens.template.saving',
  saved: 'screens.template.saved',
  preview: 'screens.template.preview',
  previewTitle: 'screens.template.preview-title',
  previewFrame: 'screens.template.preview-frame',
  previewHint: 'screens.template.preview-hint',
  subjectIs: 'screens.template.subject-is',
  textVersion: 'screens.template.text-version',
  testTitle: 'screens.template.test-title',
  testTo: 'screens.template.test-to',
  testSend: 'screens.template.test-send',
} as const satisfies Record<string, MessageKey | Record<string, MessageKey>>;

const PROFILE_FIELDS = ['id', 'externalId', 'email', 'phone', 'timeZone', 'locale'];

/** Subject, HTML and text with Handlebars, a layout, a server-rendered preview for a real customer and a test send. */
export const TemplateEditor = ({ templateKey, existing }: { templateKey: string; existing: Template | null }) => {
  // Previews and test sends save first (and are POSTs): a role that may not save sees the fields only.
  const t = useT();
  const canChange = useCan('PUT', '/templates/:key');
  const [fields, setFields] = useState({
    name: existing?.name ?? templateKey,
    subject: existing?.subject ?? '',
    html: existing?.html ?? '',
    text: existing?.text ?? '',
    layout: existing?.layout ?? '',
  });
  const [customer, setCustomer] = useState<Customer | null>(null);
  const [preview, setPreview] = useState<RenderedEmail | null>(null);
  const [status, setStatus] = useState<{ busy: boolean; note: string | null; error: string | null }>({
    busy: false,
    note: null,
    error: null,
  });
  const [testTo, setTestTo] = useState('');
  const parts = useLoad(() => screensApi.emailParts(), 'email-parts');
  const declared = useLoad(
    () => screensApi.attributes().then((list) => list.map((attribute) => attribute.name)),
    'attributes',
  );

  // Without the workspace's attribute list, the previewed customer's own attributes say what exists.
  const attributes = useMemo(
    () => new Set(declared.data ?? [...PROFILE_FIELDS, ...Object.keys(customer?.attributes ?? {})]),
    [declared.data, customer],
  );
  const variables = useMemo(() => templateVariables(fields, attributes), [fields, attributes]);

  const body = () => ({
    name: fields.name.trim(),
    subject: fields.subject,
    html: fields.html,
    text: fields.text === '' ? null : fields.text,
    layout: fields.layout === '' ? null : fields.layout,
  });

  const run = async (work: () => Promise<string | null>) => {
    setStatus({ busy: true, note: null, error: null });
    try {
      setStatus({ busy: false, note: await work(), error: null });
    } catch (caught) {
      setStatus({ busy: false, note: null, error: caught instanceof ApiError ? caught.message : String(caught) });
    }
  };
  const save = () => screensApi.saveTemplate(templateKey, body());
  const renderPreview = async (who: Customer | null) => {
    await save();
    setPreview(await screensApi.preview(templateKey, who?.externalId ?? undefined));
    return t(TEXT.saved);
  };

  useEffect(() => {
    if (customer && fields.subject && fields.html) void run(() => renderPreview(customer));
    // Only a newly chosen customer re-renders by itself; edits preview on request.
  }, [customer]);

  const update = (key: keyof typeof fields) => (event: { target: { value: string } }) =>
    setFields({ ...fields, [key]: event.target.value });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      await save();
      return t(TEXT.saved);
    });
  };

  return (
    <div className="template-editor">
      <form onSubmit={onSubmit} aria-label={templateKey}>
        <fieldset disabled={!canChange} className="plain-fieldset">
          <div className="form-grid">
            <label htmlFor="template-name">{t(TEXT.name)}</label>
            <input
              id="template-name"
              type="text"
              required
              maxLength={200}
              value={fields.name}
              onChange={update('name')}
            />
            <label htmlFor="template-layout">{t(TEXT.layout)}</label>
            <select id="template-layout" value={fields.layout} onChange={update('layout')}>
              <option value="">{t(TEXT.noLayout)}</option>
              {parts.data?.layouts.map((layout) => (
                <option key={layout.name} value={layout.name}>
                  {layout.name}
                </option>
              ))}
            </select>
            <label htmlFor="template-subject">{t(TEXT.subject)}</label>
            <input id="template-subject" type="text" required value={fields.subject} onChange={update('subject')} />
          </div>
          <p>
            <label htmlFor="template-html">{t(TEXT.html)}</label>
            <textarea id="template-html" rows={12} required value={fields.html} onChange={update('html')} />
          </p>
          <p>
            <label htmlFor="template-text">{t(TEXT.text)}</label>
            <textarea id="template-text" rows={5} value={fields.text} onChange={update('text')} />
          </p>
        </fieldset>
        <ErrorNote message={status.error} />
        <p role="status">{status.note && <span className="ok-note">{status.note}</span>}</p>
        {canChange && (
          <div className="row-actions">
            <button type="submit" className="button" disabled={status.busy}>
              {status.busy ? t(TEXT.saving) : t(TEXT.save)}
            </button>
            <button
              type="button"
              className="button button--primary"
              disabled={status.busy}
              onClick={() => void run(() => renderPreview(customer))}
            >
              {t(TEXT.preview)}
            </button>
          </div>
        )}
        <TemplateVariables variables={variables} source={declared.data ? 'workspace' : 'customer'} />
      </form>
      {canChange && (
        <section className="template-editor__preview" aria-label={t(TEXT.previewTitle)}>
          <h2>{t(TEXT.previewTitle)}</h2>
          <CustomerPicker chosen={customer} onChoose={setCustomer} />
          {!preview && <p className="hint">{t(TEXT.previewHint)}</p>}
          {preview && (
            <>
              <p data-testid="preview-subject">
                <strong>{t(TEXT.subjectIs)}</strong> {preview.subject}
              </p>
              {/* No scripts and no same-origin access: the preview is the customer's email, not part of the app. */}
              <iframe title={t(TEXT.previewFrame)} sandbox="" srcDoc={preview.html} />
              <details>
                <summary>{t(TEXT.textVersion)}</summary>
                <pre>{preview.text}</pre>
              </details>
            </>
          )}
          <h2>{t(TEXT.testTitle)}</h2>
          <form
            onSubmit={(event) => {
              event.preventDefault();
              void run(async () => {
                await save();
                const sent = await screensApi.testSend(templateKey, testTo, customer?.externalId ?? undefined);
                return t('screens.template.test-sent', { subject: sent.subject });
              });
            }}
          >
            <label htmlFor="test-to">{t(TEXT.testTo)}</label>{' '}
            <input
              id="test-to"
              type="email"
              required
              value={testTo}
              onChange={(event) => setTestTo(event.target.value)}
            />{' '}
            <button type="submit" className="button" disabled={status.busy}>
              {t(TEXT.testSend)}
            </button>
          </form>
        </section>
      )}
    </div>
  );
};
