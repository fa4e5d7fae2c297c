import { screensApi } from '../screens-api';
import { useLoad } from '../use-load';
import { ErrorNote, Pending } from '../ErrorNote';
import { hashOf } from '../route-paths';
import { JourneyTabs } from './JourneyTabs';
import { ReadOnlyJourney } from './ReadOnlyJourney';

const TEXT = {
  loading: 'Loading versions…',
  none: 'No version yet: publish the draft to make version 1.',
  version: 'Version',
  published: 'Published',
  view: (version: number) => `View version ${version}`,
  live: 'live',
  viewing: (version: number) => `Version ${version}, read only`,
  immutable: 'Published versions never change; edit the draft and publish again.',
} as const;

/** Every published version, newest first, and a read-only view of the one chosen. */
export const VersionsScreen = ({ journeyId, version }: { journeyId: string; version: number | null }) => {
  const journey = useLoad(() => screensApi.journey(journeyId), journeyId);
  const versions = useLoad(() => screensApi.versions(journeyId), journeyId);
  const shown = useLoad(
    () => (version === null ? Promise.resolve(null) : screensApi.version(journeyId, version)),
    `${journeyId}:${version}`,
  );

  if (!journey.data) return <Pending error={journey.error} label={TEXT.loading} />;
  return (
    <>
      <JourneyTabs
        journeyId={journeyId}
        name={journey.data.name}
        status={journey.data.status}
        current="journey-versions"
      />
      {!versions.data ? (
        <Pending error={versions.error} label={TEXT.loading} />
      ) : versions.data.length === 0 ? (
        <p>{TEXT.none}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{TEXT.version}</th>
              <th scope="col">{TEXT.published}</th>
            </tr>
          </thead>
          <tbody>
            {versions.data.map((item) => (
              <tr key={item.id}>
                <td>
                  <a
                    href={hashOf({ screen: 'journey-versions', journeyId, version: item.version })}
                    aria-current={item.version === version ? 'page' : undefined}
                    aria-label={TEXT.view(item.version)}
                  >
                    {item.version}
                  </a>{' '}
                  {item.version === journey.data?.latestVersion && ['live', 'paused'].includes(journey.data.status) && (
                    <span className="pill">{TEXT.live}</span>
                  )}
                </td>
                <td>{new Date(item.publishedAt).toLocaleString()}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ErrorNote message={shown.error} />
      {shown.data && (
        <section aria-label={TEXT.viewing(shown.data.version)}>
          <h2>{TEXT.viewing(shown.data.version)}</h2>
          <p className="hint">{TEXT.immutable}</p>
          <ReadOnlyJourney document={shown.data.document} />
        </section>
      )}
    </>
  );
};
