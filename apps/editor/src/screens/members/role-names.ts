import type { Role } from '@rapport/journey';
import type { MessageKey } from '@rapport/messages';

/** Each role's name, the same in the members table and the add form. */
export const ROLE_NAMES = {
  viewer: 'screens.members.roles.viewer',
  marketer: 'screens.members.roles.marketer',
  admin: 'screens.members.roles.admin',
} as const satisfies Record<Role, MessageKey>;
