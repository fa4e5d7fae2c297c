import { ROLES, type Role } from '@rapport/journey';
import { useState } from 'react';
import { useSession } from '../../auth/session-context';
import { Pending } from '../ErrorNote';
import { useLoad } from '../use-load';
import { AddMemberForm } from './AddMemberForm';
import { fieldErrorsOf } from './member-errors';
import { membersApi, type Member } from './members-api';

const TEXT = {
  title: 'Members',
  intro: 'Who works in this workspace, and what their role lets them do:',
  roles: { viewer: 'Viewer', marketer: 'Marketer', admin: 'Admin' },
  roleMeans: {
    viewer: 'looks at everything, changes nothing',
    marketer: 'builds journeys, templates, coupon pools and audiences, imports customers and orders',
    admin: 'also channel settings, shop sources and members',
  },
  loading: 'Loading members…',
  name: 'Name',
  email: 'Email',
  role: 'Role',
  since: 'Member since',
  actions: 'Actions',
  you: '(you)',
  roleOf: (name: string) => `Role of ${name}`,
  remove: 'Remove',
  confirmRemove: (name: string, email: string) =>
    `Remove ${name} (${email}) from this workspace? They are signed out here at once; their account stays.`,
  changed: (name: string, role: Role) => `${name} is now ${role === 'admin' ? 'an' : 'a'} ${role}.`,
  removed: (name: string) => `Removed ${name}.`,
  added: (name: string, created: boolean) =>
    created ? `Added ${name} with a new account.` : `Added ${name}; they sign in with their existing password.`,
} as const satisfies Record<string, unknown>;

type RowState = { busy: boolean; error: string | null };

/** Admins: the members with their roles; add someone, change a role, remove someone (after a confirmation). */
export const MembersScreen = () => {
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
      return TEXT.changed(member.name, role);
    });

  const remove = (member: Member) => {
    if (!window.confirm(TEXT.confirmRemove(member.name, member.email))) return;
    void act(member, async () => {
      await membersApi.remove(member.id);
      return TEXT.removed(member.name);
    });
  };

  return (
    <>
      <h1>{TEXT.title}</h1>
      <p>{TEXT.intro}</p>
      <dl className="role-list">
        {ROLES.map((role) => (
          <div key={role}>
            <dt>{TEXT.roles[role]}</dt>
            <dd>{TEXT.roleMeans[role]}</dd>
          </div>
        ))}
      </dl>
      <p role="status">{notice && <span className="ok-note">{notice}</span>}</p>
      {!members.data && <Pending error={members.error} label={TEXT.loading} />}
      {members.data && (
        <table data-testid="members">
          <thead>
            <tr>
              <th scope="col">{TEXT.name}</th>
              <th scope="col">{TEXT.email}</th>
              <th scope="col">{TEXT.role}</th>
              <th scope="col">{TEXT.since}</th>
              <th scope="col">{TEXT.actions}</th>
            </tr>
          </thead>
          <tbody>
            {members.data.map((member) => {
              const row = rows[member.id] ?? { busy: false, error: null };
              const errorId = `member-error-${member.id}`;
              return (
                <tr key={member.id} data-testid={`member-${member.email}`}>
                  <td id={`member-name-${member.id}`}>
                    {member.name} {member.id === session?.user.id && <span className="hint">{TEXT.you}</span>}
                  </td>
                  <td>{member.email}</td>
                  <td>
                    <select
                      aria-label={TEXT.roleOf(member.name)}
                      value={member.role}
                      disabled={row.busy}
                      aria-invalid={row.error ? true : undefined}
                      aria-describedby={row.error ? errorId : undefined}
                      onChange={(event) => changeRole(member, event.target.value as Role)}
                    >
                      {ROLES.map((role) => (
                        <option key={role} value={role}>
                          {TEXT.roles[role]}
                        </option>
                      ))}
                    </select>
                    {row.error && (
                      <p id={errorId} role="alert" className="error field-error">
                        {row.error}
                      </p>
                    )}
                  </td>
                  <td>{new Date(member.memberSince).toLocaleDateString()}</td>
                  <td>
                    <button
                      type="button"
                      className="button"
                      disabled={row.busy}
                      onClick={() => remove(member)}
                      aria-describedby={`member-name-${member.id}`}
                    >
                      {TEXT.remove}
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
          setNotice(TEXT.added(added.name, created));
          members.reload();
        }}
      />
    </>
  );
};
