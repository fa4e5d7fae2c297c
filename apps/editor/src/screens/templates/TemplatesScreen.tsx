import { useState, type FormEvent } from 'react';
import { useCan } from '../../auth/use-can';
import { ReadOnlyNote } from '../access/ReadOnlyNote';
import { Pending } from '../ErrorNote';
import { go, hashOf } from '../route-paths';
import { screensApi } from '../screens-api';
import { useLoad } from '../use-load';
import { TemplateEditor } from './TemplateEditor';
import { useT } from '../../i18n';
import type { MessageKey } from '@rapport/messages';

const TEXT = {
  title: 'screens.templates.title',
  loading: 'screens.templates.loading',
  empty: 'screens.templates.empty',
  key: 'screens.templates.key',
  name: 'screens.templates.name',
  subject: 'screens.templates.subject',
  newTitle: 'screens.templates.new-title',
  newKey: 'screens.templates.new-key',
  create: 'screens.templates.create',
  back: 'screens.templates.back',
} as const satisfies Record<string, MessageKey | Record<string, MessageKey>>;

const KEY_PATTERN = '[a-z0-9][a-z0-9_\\-]{0,99}';

/** The list of templates, or one template's editor when the route names a key. */
export const TemplatesScreen = ({ templateKey }: { templateKey: string | null }) =>
  templateKey ? <OneTemplate templateKey={templateKey} /> : <TemplateList />;

const OneTemplate = ({ templateKey }: { templateKey: string }) => {
  const t = useT();
  // A key not saved yet opens an empty editor: saving creates it.
  const template = useLoad(() => screensApi.template(templateKey).catch(() => null), templateKey);
  return (
    <>
      <a href={hashOf({ screen: 'templates', templateKey: null })}>{t(TEXT.back)}</a>
      <h1>{t('screens.templates.editing', { key: templateKey })}</h1>
      <ReadOnlyNote method="PUT" path="/templates/:key" />
      {template.loaded ? (
        <TemplateEditor key={templateKey} templateKey={templateKey} existing={template.data} />
      ) : (
        <Pending error={template.error} label={t(TEXT.loading)} />
      )}
    </>
  );
};

const TemplateList = () => {
  const t = useT();
  const canChange = useCan('PUT', '/templates/:key');
  const templates = useLoad(() => screensApi.templates(), 'templates');
  const [newKey, setNewKey] = useState('');
  const create = (event: FormEvent) => {
    event.preventDefault();
    go({ screen: 'templates', templateKey: newKey.trim() });
  };
  return (
    <>
      <h1>{t(TEXT.title)}</h1>
      <ReadOnlyNote method="PUT" path="/templates/:key" />
      {!templates.data && <Pending error={templates.error} label={t(TEXT.loading)} />}
      {templates.data?.length === 0 && <p>{t(TEXT.empty)}</p>}
      {templates.data && templates.data.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">{t(TEXT.key)}</th>
              <th scope="col">{t(TEXT.name)}</th>
              <th scope="col">{t(TEXT.subject)}</th>
            </tr>
          </thead>
          <tbody>
            {templates.data.map((template) => (
              <tr key={template.key}>
                <td>
                  <a href={hashOf({ screen: 'templates', templateKey: template.key })}>{template.key}</a>
                </td>
                <td>{template.name}</td>
                <td>{template.subject}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canChange && (
        <form onSubmit={create}>
          <h2>{t(TEXT.newTitle)}</h2>
          <label htmlFor="new-template-key">{t(TEXT.newKey)}</label>{' '}
          <input
            id="new-template-key"
            type="text"
            required
            pattern={KEY_PATTERN}
            value={newKey}
            onChange={(event) => setNewKey(event.target.value)}
          />{' '}
          <button type="submit" className="button button--primary">
            {t(TEXT.create)}
          </button>
        </form>
      )}
    </>
  );
};
