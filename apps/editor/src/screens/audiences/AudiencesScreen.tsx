import { useEffect, useState, type FormEvent } from 'react';
import { useCan } from '../../auth/use-can';
import { ReadOnlyNote } from '../access/ReadOnlyNote';
import { ErrorNote, Pending } from '../ErrorNote';
import { screensApi, type AudienceMember, type AudiencePreview } from '../screens-api';
import { useLoad } from '../use-load';
import { newGroup, toDefinition, updateAt, type RuleDraft } from './audience-rules';
import { RuleEditor } from './RuleEditor';
import { useT } from '../../i18n';
import type { MessageKey } from '@rapport/messages';

const TEXT = {
  title: 'screens.audiences.title',
  loading: 'screens.audiences.loading',
  empty: 'screens.audiences.empty',
  name: 'screens.audiences.name',
  key: 'screens.audiences.key',
  size: 'screens.audiences.size',
  rule: 'screens.audiences.rule',
  newTitle: 'screens.audiences.new-title',
  newKey: 'screens.audiences.new-key',
  newName: 'screens.audiences.new-name',
  preview: 'screens.audiences.preview',
  save: 'screens.audiences.save',
  sample: 'screens.audiences.sample',
} as const satisfies Record<string, MessageKey | Record<string, MessageKey>>;

const who = (member: AudienceMember) => member.email ?? member.externalId ?? member.customerId;

/** Saved audiences with their size; build one from all/any groups of attribute and event-history tests. */
export const AudiencesScreen = () => {
  const t = useT();
  // Previewing a size is a POST too: a viewer sees the saved audiences and their sizes only.
  const canChange = useCan('POST', '/audiences');
  const audiences = useLoad(() => screensApi.audiences(), 'audiences');
  const [rule, setRule] = useState<RuleDraft>(newGroup('all'));
  const [key, setKey] = useState('');
  const [name, setName] = useState('');
  const [preview, setPreview] = useState<AudiencePreview | null>(null);
  const [status, setStatus] = useState<{ note: string | null; error: string | null }>({ note: null, error: null });
  const [attributes, setAttributes] = useState<string[]>([]);

  useEffect(() => {
    screensApi.attributes().then(
      (list) => setAttributes(list.map((attribute) => attribute.name)),
      () => setAttributes([]),
    );
  }, []);

  const run = async (work: () => Promise<string | null>) => {
    setStatus({ note: null, error: null });
    try {
      setStatus({ note: await work(), error: null });
    } catch (caught) {
      setStatus({ note: null, error: (caught as Error).message });
    }
  };

  const save = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const saved = await screensApi.createAudience({
        key: key.trim(),
        name: name.trim(),
        definition: toDefinition(rule),
      });
      setPreview({ size: saved.size, sample: saved.sample ?? [], description: saved.description });
      audiences.reload();
      return t('screens.audiences.saved', { name: saved.name, size: saved.size });
    });
  };

  return (
    <>
      <h1>{t(TEXT.title)}</h1>
      <ReadOnlyNote method="POST" path="/audiences" />
      {!audiences.data && <Pending error={audiences.error} label={t(TEXT.loading)} />}
      {audiences.data?.length === 0 && <p>{t(TEXT.empty)}</p>}
      {audiences.data && audiences.data.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">{t(TEXT.name)}</th>
              <th scope="col">{t(TEXT.key)}</th>
              <th scope="col">{t(TEXT.size)}</th>
              <th scope="col">{t(TEXT.rule)}</th>
            </tr>
          </thead>
          <tbody>
            {audiences.data.map((audience) => (
              <tr key={audience.id}>
                <td>{audience.name}</td>
                <td>
                  <code>{audience.key}</code>
                </td>
                <td data-testid={`audience-size-${audience.key}`}>{audience.size}</td>
                <td>{audience.description}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {canChange && (
        <form onSubmit={save}>
          <h2>{t(TEXT.newTitle)}</h2>
          <div className="form-grid">
            <label htmlFor="audience-key">{t(TEXT.newKey)}</label>
            <input
              id="audience-key"
              type="text"
              required
              value={key}
              onChange={(event) => setKey(event.target.value)}
            />
            <label htmlFor="audience-name">{t(TEXT.newName)}</label>
            <input
              id="audience-name"
              type="text"
              required
              value={name}
              onChange={(event) => setName(event.target.value)}
            />
          </div>
          <RuleEditor
            rule={rule}
            path={[]}
            attributes={attributes}
            onChange={(path, next) => {
              setRule((current) => updateAt(current, path, next));
              setPreview(null);
            }}
          />
          <ErrorNote message={status.error} />
          <div role="status">
            {status.note && <p className="ok-note">{status.note}</p>}
            {preview && (
              <>
                <p data-testid="audience-preview-size">{t('screens.audiences.matches', { size: preview.size })}</p>
                <p className="hint">{preview.description}</p>
              </>
            )}
          </div>
          {preview && preview.sample.length > 0 && (
            <>
              <h3>{t(TEXT.sample)}</h3>
              <ul>
                {preview.sample.map((member) => (
                  <li key={member.customerId}>{who(member)}</li>
                ))}
              </ul>
            </>
          )}
          <div className="row-actions">
            <button
              type="button"
              className="button"
              onClick={() =>
                void run(async () => {
                  setPreview(await screensApi.previewAudience(toDefinition(rule)));
                  return null;
                })
              }
            >
              {t(TEXT.preview)}
            </button>
            <button type="submit" className="button button--primary">
              {t(TEXT.save)}
            </button>
          </div>
        </form>
      )}
    </>
  );
};
