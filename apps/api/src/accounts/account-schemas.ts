import { z } from 'zod';
import { ROLES } from '@rapport/journey';

/** Any string as email: a malformed one gets the same "wrong email or password" as an unknown one. */
export const signInSchema = z.object({
  email: z.string().trim().min(1, 'give your email address').max(320),
  password: z.string().min(1, 'give your password').max(1024),
  workspaceId: z.uuid('is not a workspace id').optional(),
});

export const switchWorkspaceSchema = z.object({ workspaceId: z.uuid('is not a workspace id') }).strict();

/** Long enough to resist guessing under the sign-in limit; argon2 makes length cheap. */
const password = z.string().min(10, 'needs at least 10 characters').max(1024);

export const newMemberSchema = z
  .object({
    email: z.email('is not an email address').max(320),
    name: z.string().trim().min(1).max(200).optional(),
    role: z.enum(ROLES, `is one of ${ROLES.join(', ')}`),
    password: password.optional(),
  })
  .strict();

export const roleChangeSchema = z.object({ role: z.enum(ROLES, `is one of ${ROLES.join(', ')}`) }).strict();
