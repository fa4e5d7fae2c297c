import { ROLES, type Role } from '@rapport/journey';
import { useState } from 'react';
import type { MessageKey } from '@rapport/messages';
import { useSession } from '../../auth/session-context';
import { useFormat, useT } from '../../i18n';
import { Pending } from '../ErrorNote';
import { useLoad } from '../use-load';
import { AddMemberForm } from './AddMemberForm';
import { fieldErrorsOf } from './member-errors';
import { ROLE_NAMES } from './role-names';
import { membersApi, type Member } from './members-api';

const TEXT = {
  title: 'screens.members.title',
  intro: 'screens.members.intro',
  loading: 'screens.members.loading',
  name: 'screens.members.name',
  email: 'screens.members.email',
  role: 'screens.members.role',
  since: 'screens.members.since',
  actions: 'screens.members.actions',
  you: 'screens.members.you',
  remove: 'screens.members.remove',
} as const satisfies Record<string, MessageKey>;

const ROLE_MEANS = {
  viewer: 'screens.members.role-means.viewer',
  marketer: 'screens.members.role-means.marketer',
  admin: 'screens.members.role-means.admin',
} as const satisfies Record<Role, MessageKey>;

type RowState = { busy: boolean; error: string | null };

/** Admins: the members with their roles; add someone, change a role, remove someone (after a confirmation). */
export const MembersScreen = () => {
  const t = useT();
  const format = useFormat();
  const session = useSession();
  const members = useLoad(() => membersApi.list(), 'members');
  const [rows, setRows] = useState<Record<string, RowState>>({});
  const [notice, setNotice] = useState<string | null>(null);

  const setRow = (id: string, state: RowState) => setRows((current) => ({ ...current, [id]: state }));

  const act = async (member: Member, work: () => Promise<string>) => {
    setNotice(null);
    setRow(member.id, { busy: true, error: null });
    try {
      const done = await work();
      setRow(member.id, { busy: false, error: null });
      setNotice(done);
      members.reload();
    } catch (caught) {
      const { general, fields } = fieldErrorsOf(caught);
      setRow(member.id, { busy: false, error: general ?? Object.values(fields).join(' ') });
    }
  };

  const changeRole = (member: Member, role: Role) =>
    void act(member, async () => {
      await membersApi.changeRole(member.id, role);
      return t('screens.members.changed', { name: member.name, role });
    });

  const remove = (member: Member) => {
    if (!window.confirm(t('screens.members.confirm-remove', { name: member.name, email: member.email }))) return;
    void act(member, async () => {
      await membersApi.remove(member.id);
      return t('screens.members.removed', { name: member.name });
    });
  };

  return (
    <>
      <h1>{t(TEXT.title)}</h1>
      <p>{t(TEXT.intro)}</p>
      <dl className="role-list">
        {ROLES.map((role) => (
          <div key={role}>
            <dt>{t(ROLE_NAMES[role])}</dt>
            <dd>{t(ROLE_MEANS[role])}</dd>
          </div>
        ))}
      </dl>
      <p role="status">{notice && <span className="ok-note">{notice}</span>}</p>
      {!members.data && <Pending error={members.error} label={t(TEXT.loading)} />}
      {members.data && (
        <table data-testid="members">
          <thead>
            <tr>
              <th scope="col">{t(TEXT.name)}</th>
              <th scope="col">{t(TEXT.email)}</th>
              <th scope="col">{t(TEXT.role)}</th>
              <th scope="col">{t(TEXT.since)}</th>
              <th scope="col">{t(TEXT.actions)}</th>
            </tr>
          </thead>
          <tbody>
            {members.data.map((member) => {
              const row = rows[member.id] ?? { busy: false, error: null };
              const errorId = `member-error-${member.id}`;
              return (
                <tr key={member.id} data-testid={`member-${member.email}`}>
                  <td id={`member-name-${member.id}`}>
                    {member.name} {member.id === session?.user.id && <span className="hint">{t(TEXT.you)}</span>}
                  </td>
                  <td>{member.email}</td>
                  <td>
                    <select
                      aria-label={t('screens.members.role-of', { name: member.name })}
                      value={member.role}
                      disabled={row.busy}
                      aria-invalid={row.error ? true : undefined}
                      aria-describedby={row.error ? errorId : undefined}
                      onChange={(event) => changeRole(member, event.target.value as Role)}
                    >
                      {ROLES.map((role) => (
                        <option key={role} value={role}>
                          {t(ROLE_NAMES[role])}
                        </option>
                      ))}
                    </select>
                    {row.error && (
                      <p id={errorId} role="alert" className="error field-error">
                        {row.error}
                      </p>
                    )}
                  </td>
                  <td>{format.date(member.memberSince)}</td>
                  <td>
                    <button
                      type="button"
                      className="button"
                      disabled={row.busy}
                      onClick={() => remove(member)}
                      aria-describedby={`member-name-${member.id}`}
                    >
                      {t(TEXT.remove)}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <AddMemberForm
        onAdded={(added, created) => {
          setNotice(t('screens.members.added', { name: added.name, created: created ? 'yes' : 'no' }));
          members.reload();
        }}
      />
    </>
  );
};
