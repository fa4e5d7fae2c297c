import { Inject, Injectable } from '@nestjs/common';
import {
  indexJourney,
  journeyDocumentSchema,
  triggerKeysOf,
  validateJourney,
  type JourneyDocument,
  type Problem,
} from '@rapport/journey';
import {
  AudienceRepository,
  CouponRepository,
  JourneyLiveRepository,
  JourneyReportRepository,
  JourneyRepository,
  TemplateRepository,
  type JourneyEntity,
  type JourneyStatus,
} from '@rapport/persistence';
import { templateVariableProblems, type Engine } from '@rapport/engine';
import { translate, type Locale } from '@rapport/messages';
import { ApiError, notFound } from '../common/api-error';
import { ENGINE } from '../common/engine.token';
import { parseBody } from '../common/parse-body';
import { summarizePublish, type PublishSummary } from './publish-summary';

export const toJourneyView = (journey: JourneyEntity) => ({
  id: journey.id,
  name: journey.name,
  status: journey.status,
  draft: journey.draft,
  latestVersion: journey.latestVersion,
  liveVersionId: journey.liveVersionId,
  createdAt: journey.createdAt,
  updatedAt: journey.updatedAt,
});

// Postgres rejects a malformed uuid with an error; a bad id in a URL is simply not found.
const isUuid = (id: string): boolean => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);

/** Which status changes a marketer may make, from where. */
const transitions: Record<'pause' | 'resume' | 'archive', { from: JourneyStatus[]; to: JourneyStatus }> = {
  pause: { from: ['live'], to: 'paused' },
  resume: { from: ['paused'], to: 'live' },
  archive: { from: ['draft', 'live', 'paused'], to: 'archived' },
};

@Injectable()
export class JourneyService {
  constructor(@Inject(ENGINE) private readonly engine: Engine) {}

  private get journeys() {
    return new JourneyRepository(this.engine.db.manager);
  }

  async create(workspaceId: string, body: unknown) {
    const document = parseBody(journeyDocumentSchema, body, 'journey');
    return toJourneyView(await this.journeys.create(workspaceId, document, await this.engine.clock.now()));
  }

  async list(workspaceId: string) {
    const journeys = await this.journeys.list(workspaceId);
    return {
      journeys: journeys.map((journey) => {
        const { draft: _draft, ...summary } = toJourneyView(journey);
        return summary;
      }),
    };
  }

  async getOrThrow(workspaceId: string, id: string): Promise<JourneyEntity> {
    const journey = isUuid(id) ? await this.journeys.findById(workspaceId, id) : null;
    if (!journey) throw notFound('journey', id);
    return journey;
  }

  async updateDraft(workspaceId: string, id: string, body: unknown) {
    const journey = await this.getOrThrow(workspaceId, id);
    if (journey.status === 'archived') throw new ApiError('conflict', { key: 'api.journey.archived-edit' });
    const document = parseBody(journeyDocumentSchema, body, 'journey');
    await this.journeys.updateDraft(workspaceId, id, document, await this.engine.clock.now());
    return toJourneyView(await this.getOrThrow(workspaceId, id));
  }

  /** A new draft with the same document (any status may be copied, archived included), named "Copy of …". */
  async duplicate(workspaceId: string, id: string, locale: Locale = 'en') {
    const source = await this.getOrThrow(workspaceId, id);
    const document = journeyDocumentSchema.parse(source.draft);
    const name = translate(locale, 'journeys.copy-name', { name: document.name }).slice(0, 200);
    return toJourneyView(await this.journeys.create(workspaceId, { ...document, name }, await this.engine.clock.now()));
  }

  /** What publishing the draft would change for customers already in the journey, compared with the live version. */
  async publishSummary(workspaceId: string, id: string): Promise<PublishSummary & { problems: Problem[] }> {
    const journey = await this.getOrThrow(workspaceId, id);
    const live = journey.liveVersionId ? await this.journeys.findVersionById(journey.liveVersionId) : null;
    const [currentByNode, problems] = await Promise.all([
      new JourneyLiveRepository(this.engine.db.manager).currentByNode(workspaceId, id),
      this.problemsOf(workspaceId, journey.draft),
    ]);
    const draft = journeyDocumentSchema.parse(journey.draft);
    return { ...summarizePublish({ draft, live, currentByNode }), problems };
  }

  async validate(workspaceId: string, id: string): Promise<{ problems: Problem[] }> {
    const journey = await this.getOrThrow(workspaceId, id);
    return { problems: await this.problemsOf(workspaceId, journey.draft) };
  }

  /** Freezes the draft into the next immutable version and makes it live; 422 with every problem otherwise. */
  async publish(workspaceId: string, id: string) {
    const now = await this.engine.clock.now();
    const published = await this.engine.db.transaction(async (manager) => {
      const journeys = new JourneyRepository(manager);
      const journey = isUuid(id) ? await journeys.lockById(workspaceId, id) : null;
      if (!journey) throw notFound('journey', id);
      if (journey.status === 'archived') throw new ApiError('conflict', { key: 'api.journey.archived-publish' });
      const problems = await this.problemsOf(workspaceId, journey.draft);
      if (problems.length > 0) {
        throw new ApiError(
          'journey.invalid',
          { key: 'problems.publish-refused', params: { count: problems.length } },
          {
            problems,
          },
        );
      }
      const document = journeyDocumentSchema.parse(journey.draft);
      const version = await journeys.insertVersion(journey, document, triggerKeysOf(document), now);
      return { version: { id: version.id, version: version.version, publishedAt: version.publishedAt }, document };
    });
    await this.scheduleTimedTriggers(published.version.id, published.document);
    return { version: published.version };
  }

  /** Date and schedule triggers get every customer's next fire time from a worker job (large workspaces take a while). */
  private async scheduleTimedTriggers(versionId: string, document: JourneyDocument): Promise<void> {
    if (indexJourney(document).triggers.some((trigger) => trigger.kind.trigger?.nextFireAt)) {
      await this.engine.queue.add('schedules', [{ versionId }]);
    }
  }

  async changeStatus(workspaceId: string, id: string, action: keyof typeof transitions) {
    const rule = transitions[action];
    const journey = await this.getOrThrow(workspaceId, id);
    if (!rule.from.includes(journey.status)) {
      throw new ApiError('conflict', {
        key: 'api.journey.cannot-change-status',
        params: { status: journey.status, to: rule.to },
      });
    }
    await this.journeys.setStatus(workspaceId, id, rule.to, await this.engine.clock.now());
    const changed = await this.getOrThrow(workspaceId, id);
    // Paused journeys stop firing timed triggers; resuming computes the fire times again.
    if (action === 'resume' && changed.liveVersionId) {
      const version = await this.journeys.findVersionById(changed.liveVersionId);
      if (version) await this.scheduleTimedTriggers(version.id, version.document);
    }
    return toJourneyView(changed);
  }

  /** Conversion of treatment against holdout control, and how many customers are at each node now. */
  async report(workspaceId: string, id: string) {
    const journey = await this.getOrThrow(workspaceId, id);
    return new JourneyReportRepository(this.engine.db.manager).report(workspaceId, journey.id);
  }

  async versions(workspaceId: string, id: string) {
    await this.getOrThrow(workspaceId, id);
    const versions = await this.journeys.versions(workspaceId, id);
    return { versions: versions.map(({ document: _document, ...version }) => version) };
  }

  async version(workspaceId: string, id: string, version: number) {
    const found =
      isUuid(id) && Number.isInteger(version) ? await this.journeys.findVersion(workspaceId, id, version) : null;
    if (!found) throw notFound('version', id, { version });
    return found;
  }

  private async problemsOf(workspaceId: string, draft: unknown): Promise<Problem[]> {
    const [templates, couponPools, audiences] = await Promise.all([
      new TemplateRepository(this.engine.db.manager).keys(workspaceId),
      new CouponRepository(this.engine.db.manager).poolKeys(workspaceId),
      new AudienceRepository(this.engine.db.manager).keys(workspaceId),
    ]);
    // Template variables need the templates' text and the workspace's attributes, so they are checked here.
    return [
      ...validateJourney(draft, { templates, couponPools, audiences }),
      ...(await templateVariableProblems(this.engine.db.manager, workspaceId, draft)),
    ];
  }
}
