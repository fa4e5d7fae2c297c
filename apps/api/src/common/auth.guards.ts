import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { hasRole, isReadMethod, requiredRole, type Role } from '@rapport/journey';
import { WorkspaceRepository, type LiveSession, type WorkspaceEntity } from '@rapport/persistence';
import { AccountService, secretsEqual, type Engine } from '@rapport/engine';
import { ApiError, type Words } from './api-error';
import { ENGINE } from './engine.token';

/** Who is asking: a program with the workspace's API key (acts as admin), or a signed-in member. */
export type Actor = { kind: 'api-key'; role: 'admin' } | { kind: 'session'; role: Role; session: LiveSession };

export type AuthedRequest = Request & { workspace: WorkspaceEntity; actor?: Actor };

/** The browser's session cookie (HttpOnly: page scripts never see the token). */
export const SESSION_COOKIE = 'rapport_session';
/** Where a signed-in browser echoes its session's CSRF token on every change. */
export const CSRF_HEADER = 'x-csrf-token';

const unauthorized = (words: Words) => new ApiError('unauthorized', words);

/** One cookie's value from the Cookie header (no cookie middleware: this is the only cookie the API reads). */
export const sessionTokenOf = (request: Request): string | null => {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const separator = part.indexOf('=');
    if (separator < 0 || part.slice(0, separator).trim() !== SESSION_COOKIE) continue;
    const value = part.slice(separator + 1).trim();
    try {
      return decodeURIComponent(value) || null;
    } catch {
      return null;
    }
  }
  return null;
};

/**
 * The session behind the request's cookie, or 401. A change (any method but GET/HEAD/OPTIONS) must echo the
 * session's CSRF token in X-CSRF-Token: the cookie rides along with any cross-site request, the token cannot.
 */
export const sessionOrThrow = async (accounts: AccountService, request: Request): Promise<LiveSession> => {
  const token = sessionTokenOf(request);
  if (!token) throw unauthorized({ key: 'api.auth.sign-in-needed', params: { header: 'Authorization: Bearer <key>' } });
  const session = await accounts.sessionOf(token);
  if (!session) throw unauthorized({ key: 'api.auth.session-ended' });
  if (!isReadMethod(request.method)) {
    const given = request.headers[CSRF_HEADER];
    if (typeof given !== 'string' || !secretsEqual(given, session.csrfToken))
      throw new ApiError('csrf', { key: 'api.auth.csrf', params: { header: 'X-CSRF-Token' } });
  }
  return session;
};

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
    if (!writeKey) throw unauthorized({ key: 'api.auth.write-key-missing' });
    const workspace = await new WorkspaceRepository(this.engine.db).findByWriteKey(writeKey);
    if (!workspace) throw unauthorized({ key: 'api.auth.write-key-unknown' });
    request.workspace = workspace;
    return true;
  }
}

/**
 * The management API (`/api/*`): the workspace's secret API key as a Bearer token (a program, acting as admin; no
 * cookie, so no CSRF check), or a signed-in member's session cookie. Then the member's role must reach what the
 * route needs, from the one table in `requiredRole` (keyed by the route's declared path, not the typed URL).
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  private readonly accounts: AccountService;

  constructor(@Inject(ENGINE) private readonly engine: Engine) {
    this.accounts = new AccountService(engine.db, engine.clock);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthedRequest>();
    const workspaces = new WorkspaceRepository(this.engine.db);
    const header = request.headers.authorization ?? '';
    if (header.startsWith('Bearer ')) {
      const workspace = await workspaces.findByApiKey(header.slice(7).trim());
      if (!workspace) throw unauthorized({ key: 'api.auth.api-key-unknown' });
      request.workspace = workspace;
      request.actor = { kind: 'api-key', role: 'admin' };
      return true;
    }
    const session = await sessionOrThrow(this.accounts, request);
    const routePath = typeof request.route?.path === 'string' ? request.route.path : request.path;
    const needed = requiredRole(request.method, routePath);
    if (!hasRole(session.role, needed))
      throw new ApiError(
        'forbidden',
        { key: 'api.auth.forbidden', params: { needed, role: session.role } },
        { role: session.role, needed },
      );
    const workspace = await workspaces.findById(session.workspaceId);
    if (!workspace) throw unauthorized({ key: 'api.auth.session-ended' });
    request.workspace = workspace;
    request.actor = { kind: 'session', role: session.role, session };
    return true;
  }
}
