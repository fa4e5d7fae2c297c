import { useSession } from '../../auth/session-context';
import { canRole, roleNeeded } from '../../auth/use-can';
import { useT } from '../../i18n';

/**
 * A visible "read only" note when the signed-in member may not make the change this screen offers (`method` on
 * `path`, as the role table judges it); nothing otherwise.
 */
export const ReadOnlyNote = ({ method, path }: { method: string; path: string }) => {
  const t = useT();
  const role = useSession()?.role ?? null;
  if (role === null || canRole(role, method, path)) return null;
  return (
    <p className="read-only-note" data-testid="read-only-note">
      <strong>{t('screens.access.read-only')}</strong>{' '}
      {t('screens.access.needs', { needed: roleNeeded(method, path), role })} {t('screens.access.ask')}
    </p>
  );
};
