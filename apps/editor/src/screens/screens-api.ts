import type { JourneyDocument, Problem } from '@rapport/journey';
import type { PublishSummaryInWords } from '@rapport/messages';
import { request, type JourneyDetail, type JourneySummary } from '../api/api-client';

// The screens' calls, through the editor's one request function (session cookie and CSRF token included).

export type VersionSummary = { id: string; version: number; publishedAt: string };
export type VersionDetail = VersionSummary & { document: JourneyDocument };

/** The API's summary, worded in the member's language; the publish screen words it again in the editor's. */
export type PublishSummary = PublishSummaryInWords & { problems: Problem[] };

export type Template = {
  key: string;
  name: string;
  subject: string;
  html: string;
  text: string | null;
  layout?: string | null;
};
export type RenderedEmail = { subject: string; html: string; text: string };
export type EmailParts = { layouts: { name: string }[]; partials: { name: string }[] };

export type Customer = {
  id: string;
  externalId: string | null;
  email: string | null;
  phone: string | null;
  timeZone: string | null;
  locale: string | null;
  attributes: Record<string, unknown> | null;
};

export type AttributeInfo = { name: string; type: string; label: string | null; source: string };

export type CouponPool = {
  id: string;
  key: string;
  name: string;
  source: 'generated' | 'imported';
  prefix: string | null;
  expiresOn: string | null;
  validDays: number | null;
  lowWarningAt: number;
  total: number;
  remaining: number;
  warning: 'low' | 'empty' | null;
};
export type NewCouponPool = {
  key: string;
  name: string;
  source: 'generated' | 'imported';
  prefix?: string | null;
  count?: number;
  expiresOn?: string | null;
  validDays?: number | null;
  lowWarningAt?: number;
};

export type AudienceMember = { customerId: string; externalId: string | null; email: string | null };
export type Audience = {
  id: string;
  key: string;
  name: string;
  definition: unknown;
  description: string;
  size: number;
  sample?: AudienceMember[];
};
export type AudiencePreview = { size: number; sample: AudienceMember[]; description: string };

export type QuietHours = { from: string; to: string };
export type FrequencyCap = { max: number; days: number; overCap: 'suppress' | 'defer' };
export type DeliveryRules = {
  consentDefaults: { email: 'granted' | 'required'; sms: 'granted' | 'required' };
  quietHours: { email?: QuietHours; sms?: QuietHours };
  frequencyCaps: { email?: FrequencyCap; sms?: FrequencyCap };
  allowPrivateWebhooks: boolean;
};
/** The providers as the server shows them: kind, host and sender, never a credential. */
export type Channels = {
  email: { provider: string; server: string | null; secure: boolean; from: string };
  sms: { provider: string; server: string; from: string | null } | null;
};
export type ShopSource = {
  id: string;
  name: string;
  scheme: 'shopify' | 'standard-webhooks';
  webhookUrl: string;
  secrets: { id: string; hint: string; createdAt: string }[];
  createdAt: string;
};

const enc = encodeURIComponent;
const journey = (id: string) => `/journeys/${enc(id)}`;

export const screensApi = {
  journeys: () => request<{ journeys: JourneySummary[] }>('GET', '/journeys').then((body) => body.journeys),
  journey: (id: string) => request<JourneyDetail>('GET', journey(id)),
  createJourney: (document: { name: string; nodes: unknown[]; edges: unknown[] }) =>
    request<JourneyDetail>('POST', '/journeys', document),
  saveDraft: (id: string, draft: JourneyDocument) => request<JourneyDetail>('PUT', journey(id), draft),
  duplicate: (id: string) => request<JourneyDetail>('POST', `${journey(id)}/duplicate`),
  changeStatus: (id: string, action: 'pause' | 'resume' | 'archive') =>
    request<JourneyDetail>('POST', `${journey(id)}/${action}`),
  publish: (id: string) =>
    request<{ version: VersionSummary }>('POST', `${journey(id)}/publish`).then((body) => body.version),
  publishSummary: (id: string) => request<PublishSummary>('GET', `${journey(id)}/publish-summary`),
  versions: (id: string) =>
    request<{ versions: VersionSummary[] }>('GET', `${journey(id)}/versions`).then((body) => body.versions),
  version: (id: string, version: number) => request<VersionDetail>('GET', `${journey(id)}/versions/${version}`),

  templates: () => request<{ templates: Template[] }>('GET', '/templates').then((body) => body.templates),
  template: (key: string) => request<Template>('GET', `/templates/${enc(key)}`),
  saveTemplate: (key: string, template: Omit<Template, 'key'>) =>
    request<Template>('PUT', `/templates/${enc(key)}`, template),
  preview: (key: string, externalId?: string) =>
    request<RenderedEmail>('POST', `/templates/${enc(key)}/preview`, externalId ? { externalId } : {}),
  testSend: (key: string, to: string, externalId?: string) =>
    request<{ sent: boolean; subject: string }>('POST', `/templates/${enc(key)}/test-send`, {
      to,
      ...(externalId ? { externalId } : {}),
    }),
  emailParts: () => request<EmailParts>('GET', '/email-parts'),
  customers: (search: string) =>
    request<{ customers: Customer[] }>('GET', `/customers?limit=10&search=${enc(search)}`).then(
      (body) => body.customers,
    ),
  attributes: () => request<{ attributes: AttributeInfo[] }>('GET', '/attributes').then((body) => body.attributes),

  couponPools: () => request<{ pools: CouponPool[] }>('GET', '/coupon-pools').then((body) => body.pools),
  createCouponPool: (pool: NewCouponPool) => request<{ pool: CouponPool }>('POST', '/coupon-pools', pool),
  importCodes: (key: string, csv: string) =>
    request<{ added: number; duplicates: number }>('POST', `/coupon-pools/${enc(key)}/codes`, { csv }),

  audiences: () => request<{ audiences: Audience[] }>('GET', '/audiences').then((body) => body.audiences),
  createAudience: (audience: { key: string; name: string; definition: unknown }) =>
    request<Audience>('POST', '/audiences', audience),
  previewAudience: (definition: unknown) => request<AudiencePreview>('POST', '/audiences/preview', { definition }),

  deliveryRules: () => request<DeliveryRules>('GET', '/settings/delivery-rules'),
  saveDeliveryRules: (rules: DeliveryRules) => request<DeliveryRules>('PUT', '/settings/delivery-rules', rules),
  channels: () => request<Channels>('GET', '/settings/channels'),
  shopSources: () => request<{ sources: ShopSource[] }>('GET', '/settings/shop-sources').then((body) => body.sources),
  createShopSource: (name: string, scheme: ShopSource['scheme']) =>
    request<ShopSource>('POST', '/settings/shop-sources', { name, scheme }),
  waiting: (id: string, nodeId: string, limit = 20) =>
    request<{ total: number; customers: WaitingCustomer[] }>(
      'GET',
      `${journey(id)}/nodes/${enc(nodeId)}/waiting?limit=${limit}`,
    ),
};

export type WaitingCustomer = {
  enrollmentId: string;
  customerId: string;
  externalId: string | null;
  email: string | null;
  version: number;
  status: 'active' | 'waiting';
  since: string | null;
  wakeAt: string | null;
  listeningFor: string | null;
};
