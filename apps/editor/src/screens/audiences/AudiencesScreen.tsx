import { useEffect, useState, type FormEvent } from 'react';
import { useCan } from '../../auth/use-can';
import { ReadOnlyNote } from '../access/ReadOnlyNote';
import { ErrorNote, Pending } from '../ErrorNote';
import { screensApi, type AudienceMember, type AudiencePreview } from '../screens-api';
import { useLoad } from '../use-load';
import { newGroup, toDefinition, updateAt, type RuleDraft } from './audience-rules';
import { RuleEditor } from './RuleEditor';

const TEXT = {
  title: 'Audiences',
  loading: 'Loading audiences…',
  empty: 'No saved audiences yet.',
  name: 'Name',
  key: 'Key',
  size: 'Members',
  rule: 'Who belongs',
  newTitle: 'Build an audience',
  newKey: 'Key (lowercase letters, digits, - or _; journeys name it)',
  newName: 'Name',
  preview: 'Preview size',
  save: 'Save audience',
  size_: (size: number) => (size === 1 ? '1 customer matches now' : `${size} customers match now`),
  sample: 'Some of them',
  saved: (name: string, size: number) => `Saved "${name}": ${size} members.`,
} as const;

const who = (member: AudienceMember) => member.email ?? member.externalId ?? member.customerId;

/** Saved audiences with their size; build one from all/any groups of attribute and event-history tests. */
export const AudiencesScreen = () => {
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
      return TEXT.saved(saved.name, saved.size);
    });
  };

  return (
    <>
      <h1>{TEXT.title}</h1>
      <ReadOnlyNote method="POST" path="/audiences" />
      {!audiences.data && <Pending error={audiences.error} label={TEXT.loading} />}
      {audiences.data?.length === 0 && <p>{TEXT.empty}</p>}
      {audiences.data && audiences.data.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">{TEXT.name}</th>
              <th scope="col">{TEXT.key}</th>
              <th scope="col">{TEXT.size}</th>
              <th scope="col">{TEXT.rule}</th>
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
          <h2>{TEXT.newTitle}</h2>
          <div className="form-grid">
            <label htmlFor="audience-key">{TEXT.newKey}</label>
            <input
              id="audience-key"
              type="text"
              required
              value={key}
              onChange={(event) => setKey(event.target.value)}
            />
            <label htmlFor="audience-name">{TEXT.newName}</label>
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
                <p data-testid="audience-preview-size">{TEXT.size_(preview.size)}</p>
                <p className="hint">{preview.description}</p>
              </>
            )}
          </div>
          {preview && preview.sample.length > 0 && (
            <>
              <h3>{TEXT.sample}</h3>
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
              {TEXT.preview}
            </button>
            <button type="submit" className="button button--primary">
              {TEXT.save}
            </button>
          </div>
        </form>
      )}
    </>
  );
};
