import type { EnrollmentStatus } from '@rapport/journey';
import type { MessageKey } from '@rapport/messages';
import { request } from '../../api/api-client';
import type { AttributeInfo, Customer } from '../screens-api';

// The customer screens' calls (docs/api.md#customers), through the editor's one request function: the API words
// the timeline's lines in the language the editor sends.

/** Where and when a channel's consent was given or withdrawn; `null` in the profile: the workspace default applies. */
export type Consent = { granted: boolean; source: string; changedAt: string };

export type ConsentChannel = 'email' | 'sms';

/** `GET /api/customers/:id`: the fields, attributes, and consent per channel. */
export type Profile = Customer & {
  anonymousId: string | null;
  consent: Record<ConsentChannel, Consent | null>;
  createdAt: string | null;
  updatedAt: string | null;
};

/** One line of a passage: what the engine did at a step and why, already in the reader's words. */
export type TimelineStep = { at: string; nodeId: string; code: string; message: string };

export type DeliveryStatus = 'pending' | 'sending' | 'sent' | 'suppressed' | 'failed' | 'unknown';
export type DeliveryChannel = 'email' | 'sms' | 'webhook';

/** Each channel's name for the marketer, in consent and in the messages sent. */
export const CHANNEL_NAMES = {
  email: 'screens.customers.channel.email',
  sms: 'screens.customers.channel.sms',
  webhook: 'screens.customers.channel.webhook',
} as const satisfies Record<DeliveryChannel, MessageKey>;

export type Delivery = {
  id: string;
  nodeId: string;
  channel: DeliveryChannel;
  template: string | null;
  status: DeliveryStatus;
  recipient: string | null;
  attempts: number;
  /** The channel's own words when it refused; shown as the receiver wrote them. */
  error: string | null;
  sentAt: string | null;
};

/** One customer's passage through one journey version. */
export type Enrollment = {
  id: string;
  journeyId: string;
  journeyName: string | null;
  version: number;
  status: EnrollmentStatus;
  enteredAt: string;
  endedAt: string | null;
  steps: TimelineStep[];
  deliveries: Delivery[];
};

/** `GET /api/customers/:id/timeline`: every enrollment, newest first; `timeZone` is the one the lines are written in. */
export type Timeline = { timeZone: string; enrollments: Enrollment[] };

/** A customer as the search lists them. */
export type ListedCustomer = Pick<Customer, 'id' | 'externalId' | 'email'> & { updatedAt: string | null };

const enc = encodeURIComponent;
const isRapportId = (text: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(text);

export const SEARCH_LIMIT = 25;

const profile = (id: string) => request<Profile>('GET', `/customers/${enc(id)}`);

export const customersApi = {
  /**
   * The most recently updated customers whose email or customer id contains `search` (all of them when empty).
   * Rapport's own id, as a log or a support ticket quotes it, finds its customer too.
   */
  search: async (search: string): Promise<{ customers: ListedCustomer[]; timeZone: string }> => {
    const [listed, byId] = await Promise.all([
      request<{ customers: ListedCustomer[]; timeZone: string }>(
        'GET',
        `/customers?limit=${SEARCH_LIMIT}&search=${enc(search)}`,
      ),
      isRapportId(search) ? profile(search).catch(() => null) : Promise.resolve(null),
    ]);
    const customers =
      byId && !listed.customers.some((customer) => customer.id === byId.id)
        ? [byId, ...listed.customers]
        : listed.customers;
    return { customers, timeZone: listed.timeZone };
  },
  profile,
  timeline: (id: string) => request<Timeline>('GET', `/customers/${enc(id)}/timeline`),
  attributes: () => request<{ attributes: AttributeInfo[] }>('GET', '/attributes').then((body) => body.attributes),
};
