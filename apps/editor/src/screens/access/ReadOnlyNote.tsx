import type { Role } from '@rapport/journey';
import { useSession } from '../../auth/session-context';
import { canRole, roleNeeded } from '../../auth/use-can';

const TEXT = {
  readOnly: 'Read only.',
  needs: (needed: Role, role: Role) => `Changing this needs the ${needed} role; you are ${article(role)} here.`,
  ask: 'Ask an admin of the workspace if you need it.',
} as const;

const article = (role: Role) => (role === 'admin' ? `an ${role}` : `a ${role}`);

/**
 * A visible "read only" note when the signed-in member may not make the change this screen offers (`method` on
 * `path`, as the role table judges it); nothing otherwise.
 */
export const ReadOnlyNote = ({ method, path }: { method: string; path: string }) => {
  const role = useSession()?.role ?? null;
  if (role === null || canRole(role, method, path)) return null;
  return (
    <p className="read-only-note" data-testid="read-only-note">
      <strong>{TEXT.readOnly}</strong> {TEXT.needs(roleNeeded(method, path), role)} {TEXT.ask}
    </p>
  );
};
