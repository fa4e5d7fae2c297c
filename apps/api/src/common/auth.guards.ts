import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { WorkspaceRepository, type WorkspaceEntity } from '@rapport/persistence';
import type { Engine } from '@rapport/engine';
import { ApiError } from './api-error';
import { ENGINE } from './engine.token';

export type AuthedRequest = Request & { workspace: WorkspaceEntity };

const unauthorized = (message: string) => new ApiError('unauthorized', message);

/** Segment's client libraries send the write key as the Basic user name (or, from some, in the body). */
@Injectable()
export class WriteKeyGuard implements CanActivate {
  constructor(@Inject(ENGINE) private readonly engine: Engine) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthedRequest>();
    const header = request.headers.authorization ?? '';
    let writeKey: string | null = null;
    if (header.startsWith('Basic ')) {
      writeKey = Buffer.from(header.slice(6), 'base64').toString('utf8').split(':')[0] ?? null;
    } else if (typeof request.body?.writeKey === 'string') {
      writeKey = request.body.writeKey;
    }
    if (!writeKey) throw unauthorized('Send the workspace write key as the Basic auth user name.');
    const workspace = await new WorkspaceRepository(this.engine.db).findByWriteKey(writeKey);
    if (!workspace) throw unauthorized('This write key does not belong to any workspace.');
    request.workspace = workspace;
    return true;
  }
}

/** The management API takes the workspace's secret API key as a Bearer token. */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(@Inject(ENGINE) private readonly engine: Engine) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthedRequest>();
    const header = request.headers.authorization ?? '';
    if (!header.startsWith('Bearer '))
      throw unauthorized('Send the workspace API key as "Authorization: Bearer <key>".');
    const workspace = await new WorkspaceRepository(this.engine.db).findByApiKey(header.slice(7).trim());
    if (!workspace) throw unauthorized('This API key does not belong to any workspace.');
    request.workspace = workspace;
    return true;
  }
}
