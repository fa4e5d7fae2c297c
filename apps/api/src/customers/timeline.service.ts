import { Inject, Injectable } from '@nestjs/common';
import { describeHistory, type Locale } from '@rapport/messages';
import {
  CustomerRepository,
  DeliveryRepository,
  EnrollmentRepository,
  JourneyRepository,
  type CustomerEntity,
} from '@rapport/persistence';
import type { Engine } from '@rapport/engine';
import { notFound } from '../common/api-error';
import { ENGINE } from '../common/engine.token';

@Injectable()
export class TimelineService {
  constructor(@Inject(ENGINE) private readonly engine: Engine) {}

  async customerOrThrow(workspaceId: string, ref: { id?: string; externalId?: string }): Promise<CustomerEntity> {
    const customers = new CustomerRepository(this.engine.db.manager);
    const customer = ref.id
      ? /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(ref.id)
        ? await customers.findById(workspaceId, ref.id)
        : null
      : await customers.findByExternalId(workspaceId, ref.externalId ?? '');
    if (!customer) throw notFound('customer', ref.id ?? ref.externalId ?? '');
    return customer;
  }

  /**
   * Every enrollment of the customer, newest first, each with its steps and sends in order and in the reader's
   * words (times in the workspace's zone, named as `timeZone` so a screen can write its own times the same way).
   */
  async timeline(workspace: { id: string; timeZone: string }, customer: CustomerEntity, locale: Locale) {
    const workspaceId = workspace.id;
    const manager = this.engine.db.manager;
    const enrollmentRows = await new EnrollmentRepository(manager).listForCustomer(workspaceId, customer.id);
    const ids = enrollmentRows.map((row) => row.id);
    const [history, deliveries, journeys] = await Promise.all([
      new EnrollmentRepository(manager).historyFor(workspaceId, ids),
      new DeliveryRepository(manager).listForEnrollments(workspaceId, ids),
      new JourneyRepository(manager).list(workspaceId),
    ]);
    const journeyNames = new Map(journeys.map((journey) => [journey.id, journey.name]));
    return {
      customer: { id: customer.id, externalId: customer.externalId, email: customer.email },
      timeZone: workspace.timeZone,
      enrollments: enrollmentRows.map((row) => ({
        id: row.id,
        journeyId: row.journey_id,
        journeyName: journeyNames.get(row.journey_id) ?? null,
        versionId: row.version_id,
        version: row.version,
        status: row.status,
        nodeId: row.node_id,
        wakeAt: row.wake_at,
        enteredAt: row.entered_at,
        endedAt: row.ended_at,
        steps: history
          .filter((entry) => entry.enrollmentId === row.id)
          .map((entry) => ({
            at: entry.at,
            nodeId: entry.nodeId,
            code: entry.code,
            params: entry.params,
            message: describeHistory(locale, entry, { timeZone: workspace.timeZone }),
          })),
        deliveries: deliveries
          .filter((delivery) => delivery.enrollment_id === row.id)
          .map((delivery) => ({
            id: delivery.id,
            nodeId: delivery.node_id,
            channel: delivery.channel,
            template: delivery.template_key,
            status: delivery.status,
            recipient: delivery.recipient,
            messageId: delivery.message_id,
            attempts: delivery.attempts,
            error: delivery.last_error,
            reason: delivery.reason,
            providerStatus: delivery.provider_status ?? null,
            sentAt: delivery.sent_at,
          })),
      })),
    };
  }
}
