import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { ApiError } from '../../api/api-client';
import { useCan } from '../../auth/use-can';
import { ErrorNote } from '../ErrorNote';
import { screensApi, type Customer, type RenderedEmail, type Template } from '../screens-api';
import { useLoad } from '../use-load';
import { CustomerPicker } from './CustomerPicker';
import { templateVariables } from './template-variables';
import { TemplateVariables } from './TemplateVariables';

const TEXT = {
  name: 'Name',
  subject: 'Subject',
  html: 'HTML body (Handlebars)',
  text: 'Plain-text body (optional; derived from the HTML when empty)',
  layout: 'Layout',
  noLayout: 'No layout',
  save: 'Save',
  saving: 'Saving…',
  saved: 'Saved.',
  preview: 'Save and preview',
  previewTitle: 'Preview',
  previewFrame: 'Email preview',
  previewHint: 'Choose a customer to see the email as they would get it (the coupon is a sample).',
  subjectIs: 'Subject:',
  textVersion: 'Plain text',
  testTitle: 'Test send',
  testTo: 'Send a test to',
  testSend: 'Send test',
  testSent: (subject: string) => `Sent "${subject}".`,
} as const;

const PROFILE_FIELDS = ['id', 'externalId', 'email', 'phone', 'timeZone', 'locale'];

/** Subject, HTML and text with Handlebars, a layout, a server-rendered preview for a real customer and a test send. */
export const TemplateEditor = ({ templateKey, existing }: { templateKey: string; existing: Template | null }) => {
  // Previews and test sends save first (and are POSTs): a role that may not save sees the fields only.
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
    return TEXT.saved;
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
      return TEXT.saved;
    });
  };

  return (
    <div className="template-editor">
      <form onSubmit={onSubmit} aria-label={templateKey}>
        <fieldset disabled={!canChange} className="plain-fieldset">
          <div className="form-grid">
            <label htmlFor="template-name">{TEXT.name}</label>
            <input
              id="template-name"
              type="text"
              required
              maxLength={200}
              value={fields.name}
              onChange={update('name')}
            />
            <label htmlFor="template-layout">{TEXT.layout}</label>
            <select id="template-layout" value={fields.layout} onChange={update('layout')}>
              <option value="">{TEXT.noLayout}</option>
              {parts.data?.layouts.map((layout) => (
                <option key={layout.name} value={layout.name}>
                  {layout.name}
                </option>
              ))}
            </select>
            <label htmlFor="template-subject">{TEXT.subject}</label>
            <input id="template-subject" type="text" required value={fields.subject} onChange={update('subject')} />
          </div>
          <p>
            <label htmlFor="template-html">{TEXT.html}</label>
            <textarea id="template-html" rows={12} required value={fields.html} onChange={update('html')} />
          </p>
          <p>
            <label htmlFor="template-text">{TEXT.text}</label>
            <textarea id="template-text" rows={5} value={fields.text} onChange={update('text')} />
          </p>
        </fieldset>
        <ErrorNote message={status.error} />
        <p role="status">{status.note && <span className="ok-note">{status.note}</span>}</p>
        {canChange && (
          <div className="row-actions">
            <button type="submit" className="button" disabled={status.busy}>
              {status.busy ? TEXT.saving : TEXT.save}
            </button>
            <button
              type="button"
              className="button button--primary"
              disabled={status.busy}
              onClick={() => void run(() => renderPreview(customer))}
            >
              {TEXT.preview}
            </button>
          </div>
        )}
        <TemplateVariables variables={variables} source={declared.data ? 'workspace' : 'customer'} />
      </form>
      {canChange && (
        <section className="template-editor__preview" aria-label={TEXT.previewTitle}>
          <h2>{TEXT.previewTitle}</h2>
          <CustomerPicker chosen={customer} onChoose={setCustomer} />
          {!preview && <p className="hint">{TEXT.previewHint}</p>}
          {preview && (
            <>
              <p data-testid="preview-subject">
                <strong>{TEXT.subjectIs}</strong> {preview.subject}
              </p>
              {/* No scripts and no same-origin access: the preview is the customer's email, not part of the app. */}
              <iframe title={TEXT.previewFrame} sandbox="" srcDoc={preview.html} />
              <details>
                <summary>{TEXT.textVersion}</summary>
                <pre>{preview.text}</pre>
              </details>
            </>
          )}
          <h2>{TEXT.testTitle}</h2>
          <form
            onSubmit={(event) => {
              event.preventDefault();
              void run(async () => {
                await save();
                const sent = await screensApi.testSend(templateKey, testTo, customer?.externalId ?? undefined);
                return TEXT.testSent(sent.subject);
              });
            }}
          >
            <label htmlFor="test-to">{TEXT.testTo}</label>{' '}
            <input
              id="test-to"
              type="email"
              required
              value={testTo}
              onChange={(event) => setTestTo(event.target.value)}
            />{' '}
            <button type="submit" className="button" disabled={status.busy}>
              {TEXT.testSend}
            </button>
          </form>
        </section>
      )}
    </div>
  );
};
