import { z } from 'zod';
import { ROLES } from '@rapport/journey';

/** Any string as email: a malformed one gets the same "wrong email or password" as an unknown one. */
export const signInSchema = z.object({
  email: z.string().trim().min(1, 'field.sign-in.email-required').max(320),
  password: z.string().min(1, 'field.sign-in.password-required').max(1024),
  workspaceId: z.uuid('field.workspace.id-format').optional(),
});

export const switchWorkspaceSchema = z.object({ workspaceId: z.uuid('field.workspace.id-format') }).strict();

/** Long enough to resist guessing under the sign-in limit; argon2 makes length cheap. */
const password = z.string().min(10, 'field.password.too-short').max(1024);

export const newMemberSchema = z
  .object({
    email: z.email('field.email.format').max(320),
    name: z.string().trim().min(1).max(200).optional(),
    role: z.enum(ROLES, 'field.role.choice'),
    password: password.optional(),
  })
  .strict();

export const roleChangeSchema = z.object({ role: z.enum(ROLES, 'field.role.choice') }).strict();
