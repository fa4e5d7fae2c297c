import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AccountService, publicUrl, SESSION_LIFETIME, type Engine } from '@rapport/engine';
import type { LiveSession, User, UserWorkspace } from '@rapport/persistence';
import type { Role } from '@rapport/journey';
import { ApiError } from '../common/api-error';
import { sessionOrThrow, sessionTokenOf, SESSION_COOKIE } from '../common/auth.guards';
import { ENGINE } from '../common/engine.token';
import { parseBody } from '../common/parse-body';
import { answering } from './account-errors';
import { signInSchema, switchWorkspaceSchema } from './account-schemas';
import { LoginThrottle, tooManyAttempts } from './login-throttle';

/** What the editor knows about who is signed in: enough to show the name, the role and the workspace switcher. */
const signedInView = (input: {
  user: User;
  workspace: UserWorkspace;
  role: Role;
  csrfToken: string;
  workspaces: UserWorkspace[];
}) => ({
  user: { id: input.user.id, email: input.user.email, name: input.user.name, locale: input.user.locale },
  workspace: { id: input.workspace.workspaceId, name: input.workspace.workspaceName },
  role: input.role,
  csrfToken: input.csrfToken,
  workspaces: input.workspaces.map((w) => ({ id: w.workspaceId, name: w.workspaceName, role: w.role })),
});

/** Signing in and out with email and password; the session lives in an HttpOnly cookie. */
@Controller('api/auth')
export class AuthController {
  constructor(
    @Inject(ENGINE) private readonly engine: Engine,
    @Inject(AccountService) private readonly accounts: AccountService,
    @Inject(LoginThrottle) private readonly throttle: LoginThrottle,
  ) {}

  private setCookie(response: Response, token: string) {
    response.cookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: publicUrl(this.engine.config).startsWith('https:'),
      path: '/',
      // The browser may drop it at the session's absolute end; the server enforces both limits anyway.
      maxAge: SESSION_LIFETIME.absoluteSeconds * 1000,
    });
  }

  private clearCookie(response: Response) {
    response.clearCookie(SESSION_COOKIE, {
      httpOnly: true,
      sameSite: 'lax',
      secure: publicUrl(this.engine.config).startsWith('https:'),
      path: '/',
    });
  }

  private async current(session: LiveSession) {
    const workspaces = await this.accounts.workspacesOf(session.user.id);
    const workspace = workspaces.find((candidate) => candidate.workspaceId === session.workspaceId);
    if (!workspace) throw new ApiError('unauthorized', { key: 'api.auth.session-ended' });
    return signedInView({ ...session, workspace, workspaces, role: workspace.role });
  }

  @Post('login')
  @HttpCode(200)
  async login(@Req() request: Request, @Body() body: unknown, @Res({ passthrough: true }) response: Response) {
    // A cross-site form can post text/plain but not application/json without a CORS preflight: no login CSRF.
    if (!request.is('application/json'))
      throw new ApiError('invalid_request', {
        key: 'api.auth.sign-in-not-json',
        params: { header: 'Content-Type: application/json' },
      });
    const input = parseBody(signInSchema, body, 'sign-in');
    const blocked = await this.throttle.checkAllowed(input.email, request.ip);
    if (blocked) {
      response.setHeader('Retry-After', String(blocked.retryAfterSeconds));
      throw tooManyAttempts(blocked.retryAfterSeconds);
    }
    let signedIn;
    try {
      signedIn = await answering(() => this.accounts.signIn(input));
    } catch (error) {
      if (error instanceof ApiError && error.code === 'unauthorized')
        await this.throttle.failed(input.email, request.ip);
      throw error;
    }
    await this.throttle.succeeded(input.email, request.ip);
    this.setCookie(response, signedIn.token);
    return signedInView({ ...signedIn, role: signedIn.workspace.role });
  }

  @Get('me')
  async me(@Req() request: Request) {
    return this.current(await sessionOrThrow(this.accounts, request));
  }

  /** Works in another of the user's workspaces from now on (same session, same CSRF token). */
  @Post('workspace')
  @HttpCode(200)
  async switchWorkspace(@Req() request: Request, @Body() body: unknown) {
    const session = await sessionOrThrow(this.accounts, request);
    const { workspaceId } = parseBody(switchWorkspaceSchema, body, 'workspace-switch');
    await answering(() => this.accounts.switchWorkspace(session, workspaceId));
    return this.current({ ...session, workspaceId });
  }

  /** Ends the session (CSRF-checked, so another site cannot sign a marketer out); always clears the cookie. */
  @Post('logout')
  @HttpCode(204)
  async logout(@Req() request: Request, @Res({ passthrough: true }) response: Response) {
    const token = sessionTokenOf(request);
    if (token && (await this.accounts.sessionOf(token))) {
      await sessionOrThrow(this.accounts, request);
      await this.accounts.signOut(token);
    }
    this.clearCookie(response);
  }
}
