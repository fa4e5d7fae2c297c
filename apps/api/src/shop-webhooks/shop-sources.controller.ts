import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Query, Req, UseGuards } from '@nestjs/common';
import { z } from 'zod';
import { ShopSourcesService } from '@rapport/engine';
import { ProductRepository, type CatalogProduct } from '@rapport/persistence';
import { ApiKeyGuard, type AuthedRequest } from '../common/auth.guards';
import { parseBody } from '../common/parse-body';
import { ENGINE } from '../common/engine.token';
import type { Engine } from '@rapport/engine';
import { notFound } from '../common/api-error';
import { answering } from './shop-webhook-errors';

const createSourceSchema = z
  .object({ name: z.string().trim().min(1).max(200), scheme: z.enum(['shopify', 'standard-webhooks']) })
  .strict();
const addSecretSchema = z.object({ secret: z.string().min(1).max(500).optional() }).strict();
const listProductsSchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  after: z.string().min(1).max(200).optional(),
});

/** Shop webhook sources of the workspace (API key), with their rotatable secrets; never shows a stored secret. */
@Controller('api/settings/shop-sources')
@UseGuards(ApiKeyGuard)
export class ShopSourcesController {
  constructor(@Inject(ShopSourcesService) private readonly sources: ShopSourcesService) {}

  @Post()
  create(@Req() request: AuthedRequest, @Body() body: unknown) {
    return this.sources.create(request.workspace.id, parseBody(createSourceSchema, body, 'shop-source'));
  }

  @Get()
  async list(@Req() request: AuthedRequest) {
    return { sources: await this.sources.list(request.workspace.id) };
  }

  @Get(':id')
  get(@Req() request: AuthedRequest, @Param('id') id: string) {
    return answering(() => this.sources.get(request.workspace.id, id));
  }

  @Delete(':id')
  @HttpCode(204)
  remove(@Req() request: AuthedRequest, @Param('id') id: string) {
    return answering(() => this.sources.remove(request.workspace.id, id));
  }

  @Post(':id/secrets')
  addSecret(@Req() request: AuthedRequest, @Param('id') id: string, @Body() body: unknown) {
    const { secret } = parseBody(addSecretSchema, body ?? {}, 'secret');
    return answering(() => this.sources.addSecret(request.workspace.id, id, secret));
  }

  @Delete(':id/secrets/:secretId')
  @HttpCode(204)
  removeSecret(@Req() request: AuthedRequest, @Param('id') id: string, @Param('secretId') secretId: string) {
    return answering(() => this.sources.removeSecret(request.workspace.id, id, secretId));
  }

  @Get(':id/deliveries')
  async deliveries(@Req() request: AuthedRequest, @Param('id') id: string) {
    return { deliveries: await answering(() => this.sources.recent(request.workspace.id, id)) };
  }
}

/** The product catalog the shop's product webhooks keep in sync. */
@Controller('api/products')
@UseGuards(ApiKeyGuard)
export class ProductsController {
  constructor(@Inject(ENGINE) private readonly engine: Engine) {}

  @Get()
  async list(@Req() request: AuthedRequest, @Query() query: unknown) {
    const { limit, after } = parseBody(listProductsSchema, query, 'query');
    const products = await new ProductRepository(this.engine.db.manager).list(request.workspace.id, { limit, after });
    return { products: products.map(toView) };
  }

  @Get(':productId')
  async get(@Req() request: AuthedRequest, @Param('productId') productId: string) {
    const product = await new ProductRepository(this.engine.db.manager).find(request.workspace.id, productId);
    if (!product) throw notFound('product');
    return toView(product);
  }
}

/** Field names as in events and templates (`refill_days`, `product_id`). */
const toView = (product: CatalogProduct) => ({
  product_id: product.productId,
  sku: product.sku,
  name: product.name,
  category: product.category,
  price: product.price,
  currency: product.currency,
  refill_days: product.refillDays,
  url: product.url,
  image: product.image,
  updated_at: product.updatedAt,
});
