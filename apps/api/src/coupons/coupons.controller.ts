import { Body, Controller, Get, Inject, Param, Post, Req, UseGuards } from '@nestjs/common';
import { z } from 'zod';
import { generateCouponCodes, parseCouponCsv, type Engine } from '@rapport/engine';
import { CouponRepository } from '@rapport/persistence';
import { ApiError, notFound } from '../common/api-error';
import { ApiKeyGuard, type AuthedRequest } from '../common/auth.guards';
import { ENGINE } from '../common/engine.token';
import { parseBody } from '../common/parse-body';

const poolSchema = z
  .object({
    key: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,99}$/, 'field.coupon-pool.format'),
    name: z.string().trim().min(1).max(200),
    source: z.enum(['generated', 'imported']),
    prefix: z
      .string()
      .regex(/^[A-Z0-9]{1,12}$/, 'field.coupon-pool.prefix-format')
      .nullish(),
    /** How many codes to generate now (generated pools). */
    count: z.number().int().min(1).max(100_000).optional(),
    expiresOn: z.iso.datetime({ offset: true }).nullish(),
    validDays: z.number().int().min(1).max(3650).nullish(),
    lowWarningAt: z.number().int().min(0).max(1_000_000).default(100),
  })
  .refine((pool) => Boolean(pool.expiresOn) !== Boolean(pool.validDays), {
    message: 'field.coupon-pool.expiry-required',
    path: ['validDays'],
  })
  .refine((pool) => pool.source !== 'generated' || pool.count !== undefined, {
    message: 'field.coupon-pool.count-required',
    path: ['count'],
  });

const importSchema = z.union([
  z.object({ csv: z.string().min(1).max(480_000) }),
  z.object({ codes: z.array(z.string().trim().min(1).max(100)).min(1).max(50_000) }),
]);

/** Coupon pools: generated or imported codes, with what remains and a warning when few are left. */
@Controller('api/coupon-pools')
@UseGuards(ApiKeyGuard)
export class CouponsController {
  constructor(@Inject(ENGINE) private readonly engine: Engine) {}

  @Get()
  async list(@Req() request: AuthedRequest) {
    return { pools: await new CouponRepository(this.engine.db.manager).stock(request.workspace.id) };
  }

  @Post()
  async create(@Req() request: AuthedRequest, @Body() body: unknown) {
    const input = parseBody(poolSchema, body, 'coupon-pool');
    return this.engine.db.transaction(async (manager) => {
      const coupons = new CouponRepository(manager);
      const pool = await coupons.createPool(
        request.workspace.id,
        {
          key: input.key,
          name: input.name,
          source: input.source,
          prefix: input.prefix ?? null,
          expiresOn: input.expiresOn ? new Date(input.expiresOn) : null,
          validDays: input.validDays ?? null,
          lowWarningAt: input.lowWarningAt,
        },
        await this.engine.clock.now(),
      );
      if (!pool) throw new ApiError('conflict', { key: 'api.coupon-pool.exists', params: { key: input.key } });
      const added = input.count ? await coupons.addCodes(pool.id, generateCouponCodes(input.count, pool.prefix)) : null;
      return { pool, codes: added };
    });
  }

  @Post(':key/codes')
  async import(@Req() request: AuthedRequest, @Param('key') key: string, @Body() body: unknown) {
    const input = parseBody(importSchema, body, 'coupon-codes');
    const coupons = new CouponRepository(this.engine.db.manager);
    const pool = await coupons.findPool(request.workspace.id, key);
    if (!pool) throw notFound('coupon-pool', key);
    const codes = 'csv' in input ? parseCouponCsv(input.csv) : input.codes;
    return coupons.addCodes(pool.id, codes);
  }
}
