import type { Role } from '@rapport/journey';
import { hashOf } from '../route-paths';

const TEXT = {
  title: { admin: 'Admins only', marketer: 'Marketers and admins only', viewer: 'Members only' },
  explain: (needed: Role, role: Role, workspace: string) =>
    `This screen is for ${plural[needed]} of ${workspace}; you are ${role === 'admin' ? 'an' : 'a'} ${role} here.`,
  ask: 'Ask an admin of the workspace if you need it.',
  back: 'Back to the journeys',
} as const;

const plural = { admin: 'admins', marketer: 'marketers and admins', viewer: 'members' } satisfies Record<Role, string>;

/** Shown instead of a screen the member's role may not open (they followed a link or typed its address). */
export const RoleRequired = ({ needed, role, workspace }: { needed: Role; role: Role; workspace: string }) => (
  <section className="role-required" aria-labelledby="role-required-title">
    <h1 id="role-required-title">{TEXT.title[needed]}</h1>
    <p>{TEXT.explain(needed, role, workspace)}</p>
    <p>{TEXT.ask}</p>
    <a href={hashOf({ screen: 'journeys' })}>{TEXT.back}</a>
  </section>
);
