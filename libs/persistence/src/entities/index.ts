import { CustomerEntity } from './customer.entity';
import { DeliveryEntity } from './delivery.entity';
import { EnrollmentHistoryEntity } from './enrollment-history.entity';
import { EnrollmentEntity } from './enrollment.entity';
import { EventEntity } from './event.entity';
import { JourneyVersionEntity } from './journey-version.entity';
import { JourneyEntity } from './journey.entity';
import { TemplateEntity } from './template.entity';
import { WorkspaceEntity } from './workspace.entity';

export {
  CustomerEntity,
  DeliveryEntity,
  EnrollmentEntity,
  EnrollmentHistoryEntity,
  EventEntity,
  JourneyEntity,
  JourneyVersionEntity,
  TemplateEntity,
  WorkspaceEntity,
};
export type { DeliveryStatus } from './delivery.entity';
export type { JourneyStatus } from './journey.entity';

export const ENTITIES = [
  WorkspaceEntity,
  CustomerEntity,
  EventEntity,
  TemplateEntity,
  JourneyEntity,
  JourneyVersionEntity,
  EnrollmentEntity,
  EnrollmentHistoryEntity,
  DeliveryEntity,
];
