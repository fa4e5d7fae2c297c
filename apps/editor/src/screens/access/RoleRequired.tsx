import type { Role } from '@rapport/journey';
import type { MessageKey } from '@rapport/messages';
import { useT } from '../../i18n';
import { hashOf } from '../route-paths';

const TITLE = {
  admin: 'screens.access.title.admin',
  marketer: 'screens.access.title.marketer',
  viewer: 'screens.access.title.viewer',
} as const satisfies Record<Role, MessageKey>;

/** Shown instead of a screen the member's role may not open (they followed a link or typed its address). */
export const RoleRequired = ({ needed, role, workspace }: { needed: Role; role: Role; workspace: string }) => {
  const t = useT();
  return (
    <section className="role-required" aria-labelledby="role-required-title">
      <h1 id="role-required-title">{t(TITLE[needed])}</h1>
      <p>{t('screens.access.explain', { needed, role, workspace })}</p>
      <p>{t('screens.access.ask')}</p>
      <a href={hashOf({ screen: 'journeys' })}>{t('screens.access.back')}</a>
    </section>
  );
};
