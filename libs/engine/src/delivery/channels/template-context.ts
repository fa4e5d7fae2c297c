import type { CustomerFacts } from '@rapport/journey';
import type { DeliveryToSend } from '@rapport/persistence';

/** What every template sees, on every channel: the profile (top level and as `customer`), the event, the coupon. */
export const templateContext = (
  customer: CustomerFacts,
  loaded: Pick<DeliveryToSend, 'trigger' | 'coupon'>,
): Record<string, unknown> => ({
  ...customer.attributes,
  customer: { ...customer.attributes, ...customer },
  event: loaded.trigger,
  coupon: loaded.coupon,
});
