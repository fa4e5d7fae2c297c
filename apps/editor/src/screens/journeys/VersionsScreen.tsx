import { screensApi } from '../screens-api';
import { useLoad } from '../use-load';
import { ErrorNote, Pending } from '../ErrorNote';
import { hashOf } from '../route-paths';
import { JourneyTabs } from './JourneyTabs';
import { ReadOnlyJourney } from './ReadOnlyJourney';
import { useFormat, useT } from '../../i18n';
import type { MessageKey } from '@rapport/messages';

const TEXT = {
  loading: 'screens.versions.loading',
  none: 'screens.versions.none',
  version: 'screens.versions.version',
  published: 'screens.versions.published',
  live: 'screens.versions.live',
  immutable: 'screens.versions.immutable',
} as const satisfies Record<string, MessageKey | Record<string, MessageKey>>;

/** Every published version, newest first, and a read-only view of the one chosen. */
export const VersionsScreen = ({ journeyId, version }: { journeyId: string; version: number | null }) => {
  const t = useT();
  const format = useFormat();
  const journey = useLoad(() => screensApi.journey(journeyId), journeyId);
  const versions = useLoad(() => screensApi.versions(journeyId), journeyId);
  const shown = useLoad(
    () => (version === null ? Promise.resolve(null) : screensApi.version(journeyId, version)),
    `${journeyId}:${version}`,
  );

  if (!journey.data) return <Pending error={journey.error} label={t(TEXT.loading)} />;
  return (
    <>
      <JourneyTabs
        journeyId={journeyId}
        name={journey.data.name}
        status={journey.data.status}
        current="journey-versions"
      />
      {!versions.data ? (
        <Pending error={versions.error} label={t(TEXT.loading)} />
      ) : versions.data.length === 0 ? (
        <p>{t(TEXT.none)}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t(TEXT.version)}</th>
              <th scope="col">{t(TEXT.published)}</th>
            </tr>
          </thead>
          <tbody>
            {versions.data.map((item) => (
              <tr key={item.id}>
                <td>
                  <a
                    href={hashOf({ screen: 'journey-versions', journeyId, version: item.version })}
                    aria-current={item.version === version ? 'page' : undefined}
                    aria-label={t('screens.versions.view', { version: item.version })}
                  >
                    {item.version}
                  </a>{' '}
                  {item.version === journey.data?.latestVersion && ['live', 'paused'].includes(journey.data.status) && (
                    <span className="pill">{t(TEXT.live)}</span>
                  )}
                </td>
                <td>{format.dateTime(item.publishedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ErrorNote message={shown.error} />
      {shown.data && (
        <section aria-label={t('screens.versions.viewing', { version: shown.data.version })}>
          <h2>{t('screens.versions.viewing', { version: shown.data.version })}</h2>
          <p className="hint">{t(TEXT.immutable)}</p>
          <ReadOnlyJourney document={shown.data.document} />
        </section>
      )}
    </>
  );
};
