import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Put, Req, UseGuards } from '@nestjs/common';
import {
  attributeDeclarationSchema,
  attributeNameSchema,
  COMPUTED_ATTRIBUTES,
  inferType,
  isComputedAttribute,
  PROFILE_FIELDS,
  type Engine,
} from '@rapport/engine';
import { AttributeDefinitionRepository } from '@rapport/persistence';
import { translate } from '@rapport/messages';
import { ApiError, notFound } from '../common/api-error';
import { ApiKeyGuard, type AuthedRequest } from '../common/auth.guards';
import { ENGINE } from '../common/engine.token';
import { parseBody } from '../common/parse-body';
import { readerLocale } from '../messages/reader-locale';

type BuiltInAttribute = (typeof PROFILE_FIELDS)[number]['name'] | (typeof COMPUTED_ATTRIBUTES)[number]['name'];

/** The attributes a marketer can use: declared ones with their type, profile fields, those seen, computed ones. */
@Controller('api/attributes')
@UseGuards(ApiKeyGuard)
export class AttributesController {
  constructor(@Inject(ENGINE) private readonly engine: Engine) {}

  private get definitions() {
    return new AttributeDefinitionRepository(this.engine.db.manager);
  }

  @Get()
  async list(@Req() request: AuthedRequest) {
    const [declared, seen] = await Promise.all([
      this.definitions.list(request.workspace.id),
      this.definitions.seen(request.workspace.id),
    ]);
    const declaredNames = new Set(declared.map((definition) => definition.name));
    // Rapport's own fields are named in the reader's language; a declared attribute keeps the marketer's label.
    const locale = readerLocale(request);
    const labelOf = (name: BuiltInAttribute) => translate(locale, `attribute.label.${name}`);
    return {
      attributes: [
        ...PROFILE_FIELDS.map((field) => ({
          ...field,
          label: labelOf(field.name),
          source: 'profile',
          readOnly: false,
        })),
        ...declared.map((definition) => ({
          name: definition.name,
          type: definition.type,
          label: definition.label,
          source: 'declared',
          readOnly: false,
        })),
        ...seen
          .filter((attribute) => !declaredNames.has(attribute.name) && !isComputedAttribute(attribute.name))
          .map((attribute) => ({
            name: attribute.name,
            type: inferType(attribute.samples),
            label: null,
            source: 'seen',
            readOnly: false,
            customers: attribute.customers,
          })),
        ...COMPUTED_ATTRIBUTES.map((attribute) => ({
          ...attribute,
          label: labelOf(attribute.name),
          source: 'computed',
          readOnly: true,
        })),
      ],
    };
  }

  @Put(':name')
  async declare(@Req() request: AuthedRequest, @Param('name') name: string, @Body() body: unknown) {
    // The name is checked with the body, so one 400 names every wrong field (`name`, `type`, `label`).
    const declaration = parseBody(
      attributeDeclarationSchema.extend({ name: attributeNameSchema }),
      { ...(typeof body === 'object' && body !== null ? body : {}), name },
      'attribute',
    );
    return this.definitions.save(
      request.workspace.id,
      { name: declaration.name, type: declaration.type, label: declaration.label ?? null },
      await this.engine.clock.now(),
    );
  }

  @Delete(':name')
  @HttpCode(204)
  async remove(@Req() request: AuthedRequest, @Param('name') name: string) {
    if (isComputedAttribute(name))
      throw new ApiError('invalid_request', { key: 'api.attribute.computed', params: { name } });
    if (!(await this.definitions.remove(request.workspace.id, name))) throw notFound('attribute', name);
  }
}
