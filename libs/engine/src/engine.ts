import { Redis } from 'ioredis';
import pino, { type Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { SmtpEmailTransport, TwilioSmsProvider } from '@rapport/channels';
import {
  createDataSource,
  DatabaseTestClock,
  InstallationSecretRepository,
  SystemClock,
  type Clock,
} from '@rapport/persistence';
import type { EngineConfig } from './config/engine-config';
import { EmailChannel } from './delivery/channels/email.channel';
import { SmsChannel } from './delivery/channels/sms.channel';
import { WebhookChannel } from './delivery/channels/webhook.channel';
import { DeliverySender } from './delivery/delivery.sender';
import { JobQueue } from './queue/job-queue';
import { Drain } from './scheduling/drain';
import { Promoter } from './scheduling/promoter';
import { Sweeper } from './scheduling/sweeper';
import { EntryService } from './entry/entry.service';
import { GoalService } from './entry/goal.service';
import { ProfileChangeService } from './entry/profile-change.service';
import { TriggerScheduler } from './scheduling/trigger-scheduler';
import { EnrollmentStepper } from './stepping/enrollment-stepper';
import { VersionCache } from './stepping/version-cache';
import { TrackingService } from './tracking/tracking.service';
import { AudienceService } from './audiences/audience.service';
import { AudienceRecompute } from './audiences/audience-recompute';
import { CustomerInsightsService } from './insights/customer-insights.service';
import { ProfileService } from './profiles/profile.service';

/** The address customers reach the API at (links in messages). */
export const publicUrl = (config: EngineConfig): string =>
  (
    config.PUBLIC_URL ?? `http://${config.API_HOST === '0.0.0.0' ? '127.0.0.1' : config.API_HOST}:${config.API_PORT}`
  ).replace(/\/$/, '');

/** The engine's parts, built once per process; the Nest apps only wire them to HTTP and to BullMQ workers. */
export type Engine = {
  config: EngineConfig;
  logger: Logger;
  db: DataSource;
  redis: Redis;
  queue: JobQueue;
  clock: Clock;
  testClock: DatabaseTestClock | null;
  tracking: TrackingService;
  insights: CustomerInsightsService;
  audiences: AudienceService;
  /** Profile edits outside tracking (API, imports), through the same profile-change path as identify. */
  profiles: ProfileService;
  audienceRecompute: AudienceRecompute;
  stepper: EnrollmentStepper;
  scheduler: TriggerScheduler;
  promoter: Promoter;
  sweeper: Sweeper;
  drain: Drain;
  /** Only in processes that send (workers). */
  sender: DeliverySender | null;
  close(): Promise<void>;
};

export const createEngine = async (
  config: EngineConfig,
  options: { role: 'api' | 'worker'; logger?: Logger },
): Promise<Engine> => {
  const logger = options.logger ?? pino({ level: config.LOG_LEVEL, base: { role: options.role } });
  const db = createDataSource({ url: config.DATABASE_URL, applicationName: `rapport-${options.role}` });
  await db.initialize();
  // BullMQ workers need blocking commands to wait forever rather than fail after a retry count.
  const redis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: null, enableReadyCheck: true });
  const queue = new JobQueue(redis, config.RAPPORT_QUEUE_PREFIX);
  const testClock = config.RAPPORT_TEST_CLOCK ? new DatabaseTestClock(db) : null;
  const clock: Clock = testClock ?? new SystemClock();
  const versions = new VersionCache();
  const entry = new EntryService();
  const scheduler = new TriggerScheduler(db, queue, clock, versions, entry);
  const audiences = new AudienceService(scheduler);
  const profiles = new ProfileChangeService(versions, entry, scheduler, audiences);
  // Scoring and recomputes change profiles outside tracking: their changes go through the same service.
  const insights = new CustomerInsightsService({ profiles, queue });
  const audienceRecompute = new AudienceRecompute(db, queue, clock, audiences, profiles);
  const promoter = new Promoter(db, queue, clock, scheduler);
  const transport =
    options.role === 'worker' ? new SmtpEmailTransport({ url: config.SMTP_URL, maxConnections: 8 }) : null;
  const secrets = new InstallationSecretRepository(db.manager);
  const sms = options.role === 'worker' && config.SMS_URL ? new TwilioSmsProvider({ url: config.SMS_URL }) : null;

  return {
    config,
    logger,
    db,
    redis,
    queue,
    clock,
    testClock,
    tracking: new TrackingService(db, queue, clock, entry, new GoalService(versions), profiles, insights),
    insights,
    audiences,
    profiles: new ProfileService(db, queue, clock, profiles),
    audienceRecompute,
    stepper: new EnrollmentStepper(db, queue, clock, versions, profiles),
    scheduler,
    promoter,
    sweeper: new Sweeper(db, queue),
    drain: new Drain(db, queue, clock, promoter),
    sender: transport
      ? new DeliverySender(db, clock, {
          email: new EmailChannel(transport, config.MESSAGE_ID_DOMAIN, {
            baseUrl: publicUrl(config),
            secret: () => secrets.get('unsubscribe'),
          }),
          webhook: new WebhookChannel(),
          ...(sms
            ? { sms: new SmsChannel(sms, sms.defaultFrom ?? '', `${publicUrl(config)}/webhooks/sms/twilio`) }
            : {}),
        })
      : null,
    close: async () => {
      transport?.close();
      await queue.close();
      redis.disconnect();
      await db.destroy();
    },
  };
};
