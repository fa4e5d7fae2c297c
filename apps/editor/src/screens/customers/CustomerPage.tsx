import type { MessageKey } from '@rapport/messages';
import { useT } from '../../i18n';
import { ErrorNote, Pending } from '../ErrorNote';
import { hashOf } from '../route-paths';
import { useLoad } from '../use-load';
import { CustomerAttributes } from './CustomerAttributes';
import { CustomerJourneys } from './CustomerJourneys';
import { CustomerProfile } from './CustomerProfile';
import { customersApi } from './customers-api';
import { customerName } from './CustomerSearch';

const TEXT = {
  back: 'screens.customers.back',
  loading: 'screens.customers.loading',
} as const satisfies Record<string, MessageKey>;

/**
 * One customer: who they are (profile, consent, attributes) and every journey they went through, newest first,
 * with each step's line saying what happened and why. The lines are worded by the API in the editor's language
 * (useLoad asks again when the language changes); every time on the page is written in the workspace's zone, the
 * one those lines use, so the two never disagree.
 */
export const CustomerPage = ({ customerId }: { customerId: string }) => {
  const t = useT();
  const profile = useLoad(() => customersApi.profile(customerId), `profile:${customerId}`);
  const timeline = useLoad(() => customersApi.timeline(customerId), `timeline:${customerId}`);
  // The labels of computed attributes come worded for the reader; without them the names still show.
  const attributes = useLoad(() => customersApi.attributes().catch(() => []), 'attributes');
  const timeZone = timeline.data?.timeZone ?? 'UTC';

  return (
    <>
      <p>
        <a href={hashOf({ screen: 'customers', customerId: null })}>
          <span aria-hidden="true">←</span> {t(TEXT.back)}
        </a>
      </p>
      {!profile.data && <Pending error={profile.error} label={t(TEXT.loading)} />}
      {profile.data && (
        <>
          <h1>{customerName(profile.data)}</h1>
          <CustomerProfile profile={profile.data} timeZone={timeZone} />
          <CustomerAttributes attributes={profile.data.attributes} known={attributes.data ?? []} timeZone={timeZone} />
        </>
      )}
      {profile.data && !timeline.data && <Pending error={timeline.error} label={t(TEXT.loading)} />}
      {timeline.data && <CustomerJourneys timeline={timeline.data} />}
      {profile.data && timeline.data && <ErrorNote message={timeline.error ?? profile.error} />}
    </>
  );
};
