import type { EnrollmentStatus } from '@rapport/journey';
import type { MessageKey } from '@rapport/messages';
import { useFormat, useT } from '../../i18n';
import { hashOf } from '../route-paths';
import { CHANNEL_NAMES, type Delivery, type DeliveryStatus, type Enrollment, type Timeline } from './customers-api';

const TEXT = {
  journeys: 'screens.customers.journeys',
  none: 'screens.customers.no-journeys',
  gone: 'screens.customers.journey-gone',
  entered: 'screens.customers.entered',
  ended: 'screens.customers.ended',
  stillIn: 'screens.customers.still-in',
  steps: 'screens.customers.steps',
  noSteps: 'screens.customers.no-steps',
  deliveries: 'screens.customers.deliveries',
} as const satisfies Record<string, MessageKey>;

const STATUS = {
  active: 'screens.customers.status.active',
  waiting: 'screens.customers.status.waiting',
  completed: 'screens.customers.status.completed',
  exited: 'screens.customers.status.exited',
  failed: 'screens.customers.status.failed',
} as const satisfies Record<EnrollmentStatus, MessageKey>;

const DELIVERY_STATUS = {
  pending: 'screens.customers.delivery-status.pending',
  sending: 'screens.customers.delivery-status.sending',
  sent: 'screens.customers.delivery-status.sent',
  suppressed: 'screens.customers.delivery-status.suppressed',
  failed: 'screens.customers.delivery-status.failed',
  unknown: 'screens.customers.delivery-status.unknown',
} as const satisfies Record<DeliveryStatus, MessageKey>;

const DELIVERY_COLUMNS = [
  'screens.customers.delivery.channel',
  'screens.customers.delivery.template',
  'screens.customers.delivery.recipient',
  'screens.customers.delivery.status',
  'screens.customers.delivery.attempts',
  'screens.customers.delivery.sent-at',
  'screens.customers.delivery.error',
] as const satisfies readonly MessageKey[];

/** The messages one passage sent or held back: channel, where to, how it went (the channel's own words if it refused). */
const Deliveries = ({ deliveries, timeZone }: { deliveries: Delivery[]; timeZone: string }) => {
  const t = useT();
  const format = useFormat();
  return (
    <table className="customer-deliveries">
      <caption>{t(TEXT.deliveries)}</caption>
      <thead>
        <tr>
          {DELIVERY_COLUMNS.map((column) => (
            <th scope="col" key={column}>
              {t(column)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {deliveries.map((delivery) => (
          <tr key={delivery.id}>
            <td>{t(CHANNEL_NAMES[delivery.channel])}</td>
            <td>{delivery.template && <code>{delivery.template}</code>}</td>
            <td>{delivery.recipient ?? ''}</td>
            <td>{t(DELIVERY_STATUS[delivery.status])}</td>
            <td>{format.number(delivery.attempts)}</td>
            <td>{delivery.sentAt ? format.dateTime(delivery.sentAt, timeZone) : ''}</td>
            <td>{delivery.error ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
};

/** One passage: which journey and version, how it stands, and its lines in order, each with when it happened. */
const Passage = ({ enrollment, timeZone }: { enrollment: Enrollment; timeZone: string }) => {
  const t = useT();
  const format = useFormat();
  const headingId = `enrollment-${enrollment.id}`;
  return (
    <article className="passage" aria-labelledby={headingId} data-testid={`enrollment-${enrollment.id}`}>
      <h3 id={headingId}>
        {enrollment.journeyName === null ? (
          t(TEXT.gone)
        ) : (
          <a href={hashOf({ screen: 'journey', journeyId: enrollment.journeyId })}>{enrollment.journeyName}</a>
        )}{' '}
        <span className="pill">{t('screens.customers.version', { version: enrollment.version })}</span>{' '}
        <span className={`pill passage__status passage__status--${enrollment.status}`}>
          {t(STATUS[enrollment.status])}
        </span>
      </h3>
      <dl className="customer-fields">
        <div>
          <dt>{t(TEXT.entered)}</dt>
          <dd>{format.dateTime(enrollment.enteredAt, timeZone)}</dd>
        </div>
        <div>
          <dt>{t(TEXT.ended)}</dt>
          <dd>{enrollment.endedAt ? format.dateTime(enrollment.endedAt, timeZone) : t(TEXT.stillIn)}</dd>
        </div>
      </dl>
      {enrollment.steps.length === 0 ? (
        <p>{t(TEXT.noSteps)}</p>
      ) : (
        <ol className="passage__steps" aria-label={t(TEXT.steps)} data-testid="timeline-steps">
          {enrollment.steps.map((step, index) => (
            <li key={index} data-code={step.code}>
              <time dateTime={step.at}>{format.dateTime(step.at, timeZone)}</time>
              <span>{step.message}</span>
            </li>
          ))}
        </ol>
      )}
      {enrollment.deliveries.length > 0 && <Deliveries deliveries={enrollment.deliveries} timeZone={timeZone} />}
    </article>
  );
};

/** Every journey the customer went through, newest first: "why each customer went where". */
export const CustomerJourneys = ({ timeline }: { timeline: Timeline }) => {
  const t = useT();
  return (
    <section aria-labelledby="customer-journeys">
      <h2 id="customer-journeys">{t(TEXT.journeys)}</h2>
      {timeline.enrollments.length === 0 && <p>{t(TEXT.none)}</p>}
      {timeline.enrollments.map((enrollment) => (
        <Passage key={enrollment.id} enrollment={enrollment} timeZone={timeline.timeZone} />
      ))}
    </section>
  );
};
