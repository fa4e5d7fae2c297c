import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Put, Req, UseGuards } from '@nestjs/common';
import { AccountService } from '@rapport/engine';
import type { Member } from '@rapport/persistence';
import { ApiKeyGuard, type AuthedRequest } from '../common/auth.guards';
import { parseBody } from '../common/parse-body';
import { answering } from './account-errors';
import { newMemberSchema, roleChangeSchema } from './account-schemas';

const memberView = (member: Member) => ({
  id: member.id,
  email: member.email,
  name: member.name,
  role: member.role,
  memberSince: member.memberSince,
});

/** The workspace's members and their roles (admins only: the role table in requiredRole says so). */
@Controller('api/members')
@UseGuards(ApiKeyGuard)
export class MembersController {
  constructor(@Inject(AccountService) private readonly accounts: AccountService) {}

  @Get()
  async list(@Req() request: AuthedRequest) {
    return { members: (await this.accounts.listMembers(request.workspace.id)).map(memberView) };
  }

  @Get(':userId')
  async get(@Req() request: AuthedRequest, @Param('userId') userId: string) {
    return memberView(await answering(() => this.accounts.getMember(request.workspace.id, userId)));
  }

  /** Adds a person by email; a new account needs a first password, an existing one keeps its own. */
  @Post()
  async add(@Req() request: AuthedRequest, @Body() body: unknown) {
    const input = parseBody(newMemberSchema, body, 'member');
    const { member, accountCreated } = await answering(() => this.accounts.addMember(request.workspace.id, input));
    return { member: memberView(member), accountCreated };
  }

  @Put(':userId')
  async changeRole(@Req() request: AuthedRequest, @Param('userId') userId: string, @Body() body: unknown) {
    const { role } = parseBody(roleChangeSchema, body, 'role-change');
    return memberView(await answering(() => this.accounts.changeRole(request.workspace.id, userId, role)));
  }

  @Delete(':userId')
  @HttpCode(204)
  async remove(@Req() request: AuthedRequest, @Param('userId') userId: string) {
    await answering(() => this.accounts.removeMember(request.workspace.id, userId));
  }
}
