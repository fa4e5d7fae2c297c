import { Inject, Injectable } from '@nestjs/common';
import { z } from 'zod';
import { audienceDefinitionSchema, audienceDescription, audienceKeySchema, audienceReads } from '@rapport/journey';
import { describeAudience, type Locale } from '@rapport/messages';
import { AudienceRepository, JourneyRepository, type Audience } from '@rapport/persistence';
import type { Engine } from '@rapport/engine';
import { ApiError, InvalidRequest, notFound } from '../common/api-error';
import { ENGINE } from '../common/engine.token';
import { parseBody } from '../common/parse-body';

const SAMPLE = 10;

const nameSchema = z.string().trim().min(1, 'field.audience.name-required').max(200);

const createSchema = z.object({ key: audienceKeySchema, name: nameSchema, definition: audienceDefinitionSchema });

// The key is what triggers name, so it stays as created; a body may repeat it but not change it.
const updateSchema = z.object({ key: z.string().optional(), name: nameSchema, definition: audienceDefinitionSchema });

const previewSchema = z.object({ definition: audienceDefinitionSchema });

/** The definition in the reader's words: the core describes it without words, the catalog words it. */
const describe = (definition: unknown, locale: Locale): string =>
  describeAudience(locale, audienceDescription(audienceDefinitionSchema.safeParse(definition).data ?? {}));

const toView = (audience: Audience, locale: Locale) => ({
  id: audience.id,
  key: audience.key,
  name: audience.name,
  definition: audience.definition,
  description: describe(audience.definition, locale),
  recomputedAt: audience.recomputedAt,
  createdAt: audience.createdAt,
  updatedAt: audience.updatedAt,
});

/** Saved audiences of the workspace: definitions, current size and sample members, preview, recompute. */
@Injectable()
export class AudienceAdminService {
  constructor(@Inject(ENGINE) private readonly engine: Engine) {}

  private get audiences() {
    return new AudienceRepository(this.engine.db.manager);
  }

  async list(workspaceId: string, locale: Locale) {
    const audiences = await this.audiences.list(workspaceId);
    return { audiences: audiences.map((audience) => ({ ...toView(audience, locale), size: audience.size })) };
  }

  async get(workspaceId: string, id: string, locale: Locale) {
    return this.withMembers(await this.getOrThrow(workspaceId, id), locale);
  }

  /** Saves it and computes its members at once, so the answer already carries the size and a sample. */
  async create(workspaceId: string, body: unknown, locale: Locale) {
    const input = parseBody(createSchema, body, 'audience');
    const created = await this.audiences.create(
      workspaceId,
      input.key,
      { name: input.name, definition: input.definition, reads: audienceReads(input.definition) },
      await this.engine.clock.now(),
    );
    if (!created) throw new ApiError('conflict', { key: 'api.audience.exists', params: { key: input.key } });
    await this.engine.audienceRecompute.recompute(created);
    return this.withMembers(await this.getOrThrow(workspaceId, created.id), locale);
  }

  /** A new definition: members are recomputed now, and those who newly match enter its journeys. */
  async update(workspaceId: string, id: string, body: unknown, locale: Locale) {
    const existing = await this.getOrThrow(workspaceId, id);
    const input = parseBody(updateSchema, body, 'audience');
    if (input.key !== undefined && input.key !== existing.key) {
      throw new InvalidRequest('audience', [{ path: ['key'], words: { key: 'field.audience.key-fixed' } }]);
    }
    const updated = await this.audiences.update(
      workspaceId,
      id,
      { name: input.name, definition: input.definition, reads: audienceReads(input.definition) },
      await this.engine.clock.now(),
    );
    if (!updated) throw notFound('audience', id);
    await this.engine.audienceRecompute.recompute(updated);
    return this.withMembers(await this.getOrThrow(workspaceId, id), locale);
  }

  /** Refused while a live journey enters customers from it. */
  async delete(workspaceId: string, id: string): Promise<void> {
    const audience = await this.getOrThrow(workspaceId, id);
    const users = await new JourneyRepository(this.engine.db.manager).liveVersionsForAny(workspaceId, [
      `audience:${audience.key}`,
      `schedule:${audience.key}`,
    ]);
    if (users.length > 0) {
      const names = users.map((version) => `"${version.document.name}"`).join(', ');
      throw new ApiError('conflict', { key: 'api.audience.in-use', params: { names, key: audience.key } });
    }
    await this.audiences.delete(workspaceId, id);
  }

  async preview(workspaceId: string, body: unknown, locale: Locale) {
    const input = parseBody(previewSchema, body, 'audience-preview');
    const preview = await this.engine.audienceRecompute.preview(workspaceId, input.definition);
    return { ...preview, description: describe(input.definition, locale) };
  }

  async recompute(workspaceId: string, id: string) {
    return this.engine.audienceRecompute.recompute(await this.getOrThrow(workspaceId, id));
  }

  private async getOrThrow(workspaceId: string, id: string): Promise<Audience> {
    const audience = await this.audiences.findById(workspaceId, id);
    if (!audience) throw notFound('audience', id);
    return audience;
  }

  private async withMembers(audience: Audience, locale: Locale) {
    const [size, sample] = await Promise.all([
      this.audiences.size(audience.id),
      this.audiences.sample(audience.workspaceId, audience.id, SAMPLE),
    ]);
    return { ...toView(audience, locale), size, sample };
  }
}
