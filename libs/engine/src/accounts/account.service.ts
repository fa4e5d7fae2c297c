import type { DataSource } from 'typeorm';
import type { Role } from '@rapport/journey';
import {
  AccountRepository,
  AccountSessionRepository,
  type Clock,
  type LiveSession,
  type Member,
  type SessionLifetime,
  type User,
  type UserWorkspace,
} from '@rapport/persistence';
import { AccountError } from './account-error';
import { dummyPasswordHash, hashPassword, newToken, sessionIdOf, verifyPassword } from './passwords';

const DAY_SECONDS = 86_400;

/** A session ends after 14 days without use, and 30 days after sign-in whatever happens. */
export const SESSION_LIFETIME: SessionLifetime = { idleSeconds: 14 * DAY_SECONDS, absoluteSeconds: 30 * DAY_SECONDS };

/** Writing last_seen_at on every request would cost a write per click; once a minute is precise enough. */
const TOUCH_AFTER_MS = 60_000;

const WRONG_CREDENTIALS = 'Wrong email or password.';

export type SignedIn = {
  /** Goes into the cookie, and nowhere else: only its digest is stored. */
  token: string;
  user: User;
  workspace: UserWorkspace;
  workspaces: UserWorkspace[];
  csrfToken: string;
  expiresAt: Date;
};

/** Without a name, a new account is called by its email's local part until someone renames it. */
export type NewMember = { email: string; name?: string | undefined; role: Role; password?: string | undefined };

/** Sign-in, sessions and a workspace's members with their roles. */
export class AccountService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
  ) {
    // Made at boot, so the first sign-in with an unknown email is not the one slower answer.
    void dummyPasswordHash();
  }

  private get accounts() {
    return new AccountRepository(this.db.manager);
  }

  private get sessions() {
    return new AccountSessionRepository(this.db.manager);
  }

  /**
   * Checks the password and opens a session in the requested workspace, else the user's first. An unknown email and
   * a wrong password get the same error after the same argon2 work.
   */
  async signIn(input: { email: string; password: string; workspaceId?: string | undefined }): Promise<SignedIn> {
    const user = await this.accounts.findUserByEmail(input.email.trim());
    const matches = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), input.password);
    if (!user || !matches) throw new AccountError('bad-credentials', WRONG_CREDENTIALS);
    const workspaces = await this.accounts.workspacesOf(user.id);
    const workspace = input.workspaceId
      ? workspaces.find((candidate) => candidate.workspaceId === input.workspaceId)
      : workspaces[0];
    if (!workspace)
      throw new AccountError(
        'no-workspace',
        input.workspaceId
          ? 'You are not a member of that workspace.'
          : 'Your account is not a member of any workspace yet; ask a workspace admin to add you.',
        { chosen: input.workspaceId !== undefined },
      );
    const now = await this.clock.now();
    // Sign-ins are rare enough to carry the clean-up of sessions nobody will present again.
    await this.sessions.purgeExpired(now);
    const token = newToken();
    const csrfToken = newToken();
    const expiresAt = new Date(now.getTime() + SESSION_LIFETIME.idleSeconds * 1000);
    await this.sessions.create(
      { id: sessionIdOf(token), userId: user.id, workspaceId: workspace.workspaceId, csrfToken, expiresAt },
      now,
    );
    const { passwordHash: _, ...publicUser } = user;
    return { token, user: publicUser, workspace, workspaces, csrfToken, expiresAt };
  }

  /** The live session behind a cookie's token, its idle expiry pushed out; null when unknown or expired. */
  async sessionOf(token: string): Promise<LiveSession | null> {
    const now = await this.clock.now();
    const session = await this.sessions.findLive(sessionIdOf(token), now);
    if (!session) return null;
    if (now.getTime() - session.lastSeenAt.getTime() >= TOUCH_AFTER_MS)
      await this.sessions.touch(session.id, now, SESSION_LIFETIME);
    return session;
  }

  workspacesOf(userId: string): Promise<UserWorkspace[]> {
    return this.accounts.workspacesOf(userId);
  }

  /** Moves the session to another of the user's workspaces (their role there applies from the next request). */
  async switchWorkspace(session: LiveSession, workspaceId: string): Promise<UserWorkspace> {
    const workspace = (await this.accounts.workspacesOf(session.user.id)).find(
      (candidate) => candidate.workspaceId === workspaceId,
    );
    if (!workspace) throw new AccountError('no-workspace', 'You are not a member of that workspace.');
    await this.sessions.switchWorkspace(session.id, workspaceId);
    return workspace;
  }

  async signOut(token: string): Promise<void> {
    await this.sessions.remove(sessionIdOf(token));
  }

  listMembers(workspaceId: string): Promise<Member[]> {
    return this.accounts.listMembers(workspaceId);
  }

  getMember(workspaceId: string, userId: string): Promise<Member> {
    return this.memberOrThrow(this.accounts, workspaceId, userId);
  }

  /**
   * Adds a person to the workspace, creating their account when the email is new (a password is then required).
   * An existing account keeps its own password and name: an admin of one workspace cannot take over an account
   * that also works elsewhere.
   */
  async addMember(workspaceId: string, input: NewMember): Promise<{ member: Member; accountCreated: boolean }> {
    const now = await this.clock.now();
    const email = input.email.trim().toLowerCase();
    const existing = await this.accounts.findUserByEmail(email);
    if (existing && input.password !== undefined)
      throw new AccountError(
        'existing-account',
        `${email} already has a Rapport account and keeps their own password; add them without one.`,
        { field: 'password', email },
      );
    if (!existing && input.password === undefined)
      throw new AccountError('password-required', `${email} has no Rapport account yet: give a first password.`, {
        field: 'password',
        email,
      });
    const passwordHash = input.password === undefined ? null : await hashPassword(input.password);
    return this.db.transaction(async (manager) => {
      const accounts = new AccountRepository(manager);
      let userId = existing?.id;
      let accountCreated = false;
      if (!userId && passwordHash) {
        const name = input.name ?? email.split('@')[0] ?? email;
        const created = await accounts.createUser({ email, name, passwordHash }, now);
        // Someone created the account a moment ago: treat it as existing, never overwrite its password.
        if (!created)
          throw new AccountError('existing-account', `${email} already has a Rapport account; add them again.`, {
            field: 'email',
            email,
          });
        userId = created.id;
        accountCreated = true;
      }
      if (!userId) throw new Error('unreachable: a user id after the checks above');
      if (!(await accounts.addMember(workspaceId, userId, input.role, now)))
        throw new AccountError('already-member', `${email} is already a member of this workspace.`, {
          field: 'email',
          email,
        });
      const member = await accounts.findMember(workspaceId, userId);
      if (!member) throw new Error('unreachable: the member just added');
      return { member, accountCreated };
    });
  }

  /** Changes a member's role; the last admin cannot step down (nobody could manage members any more). */
  async changeRole(workspaceId: string, userId: string, role: Role): Promise<Member> {
    return this.db.transaction(async (manager) => {
      const accounts = new AccountRepository(manager);
      const admins = await accounts.lockAndCountAdmins(workspaceId);
      const member = await this.memberOrThrow(accounts, workspaceId, userId);
      if (member.role === 'admin' && role !== 'admin' && admins <= 1)
        throw new AccountError('last-admin', 'This is the last admin of the workspace: make someone else admin first.');
      await accounts.setRole(workspaceId, userId, role);
      return { ...member, role };
    });
  }

  /** Removes a member and ends their sessions in this workspace; the last admin stays. */
  async removeMember(workspaceId: string, userId: string): Promise<void> {
    await this.db.transaction(async (manager) => {
      const accounts = new AccountRepository(manager);
      const admins = await accounts.lockAndCountAdmins(workspaceId);
      const member = await this.memberOrThrow(accounts, workspaceId, userId);
      if (member.role === 'admin' && admins <= 1)
        throw new AccountError('last-admin', 'This is the last admin of the workspace: make someone else admin first.');
      await accounts.removeMember(workspaceId, userId);
      await new AccountSessionRepository(manager).removeForMember(workspaceId, userId);
    });
  }

  /** Sets a user's password (the demo seed, an operator's reset) and ends all their sessions. */
  async setPassword(userId: string, password: string): Promise<void> {
    await this.accounts.setPasswordHash(userId, await hashPassword(password));
    await this.sessions.removeForUser(userId);
  }

  private async memberOrThrow(accounts: AccountRepository, workspaceId: string, userId: string): Promise<Member> {
    const member = await accounts.findMember(workspaceId, userId);
    if (!member) throw new AccountError('unknown-member', 'Member was not found.');
    return member;
  }
}
