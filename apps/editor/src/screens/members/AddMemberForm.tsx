import { ROLES, type Role } from '@rapport/journey';
import { useState, type FormEvent } from 'react';
import type { MessageKey } from '@rapport/messages';
import { useT } from '../../i18n';
import { ErrorNote } from '../ErrorNote';
import { fieldErrorsOf, type FieldErrors, type MemberField } from './member-errors';
import { membersApi, type Member } from './members-api';
import { ROLE_NAMES } from './role-names';

const TEXT = {
  title: 'screens.members.add.title',
  email: 'screens.members.add.email',
  name: 'screens.members.add.name',
  role: 'screens.members.add.role',
  password: 'screens.members.add.password',
  passwordHint: 'screens.members.add.password-hint',
  add: 'screens.members.add.submit',
  adding: 'screens.members.add.adding',
} as const satisfies Record<string, MessageKey>;

const NO_ERRORS: FieldErrors = { fields: {}, general: null };

/** Adds someone by email with a role; a new account needs a first password. Refusals sit next to their field. */
export const AddMemberForm = ({ onAdded }: { onAdded(member: Member, accountCreated: boolean): void }) => {
  const t = useT();
  const [form, setForm] = useState({ email: '', name: '', role: 'marketer' as Role, password: '' });
  const [errors, setErrors] = useState<FieldErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setErrors(NO_ERRORS);
    try {
      const { member, accountCreated } = await membersApi.add({
        email: form.email.trim(),
        role: form.role,
        ...(form.name.trim() ? { name: form.name.trim() } : {}),
        ...(form.password ? { password: form.password } : {}),
      });
      setForm({ email: '', name: '', role: form.role, password: '' });
      onAdded(member, accountCreated);
    } catch (caught) {
      setErrors(fieldErrorsOf(caught));
    } finally {
      setBusy(false);
    }
  };

  const set = (key: keyof typeof form) => (event: { target: { value: string } }) =>
    setForm({ ...form, [key]: event.target.value });

  /** Marks a field invalid and points it at its message (read with the field by screen readers). */
  const invalid = (field: MemberField, hint?: string) => ({
    'aria-invalid': errors.fields[field] ? true : undefined,
    'aria-describedby':
      [errors.fields[field] ? `add-member-${field}-error` : null, hint].filter(Boolean).join(' ') || undefined,
  });
  const fieldError = (field: MemberField) =>
    errors.fields[field] ? (
      <p id={`add-member-${field}-error`} className="error field-error" role="alert">
        {errors.fields[field]}
      </p>
    ) : null;

  return (
    <form onSubmit={(event) => void submit(event)} aria-labelledby="add-member-title" noValidate>
      <h2 id="add-member-title">{t(TEXT.title)}</h2>
      <div className="form-grid">
        <label htmlFor="add-member-email">{t(TEXT.email)}</label>
        <div>
          <input
            id="add-member-email"
            type="email"
            autoComplete="off"
            value={form.email}
            onChange={set('email')}
            {...invalid('email')}
          />
          {fieldError('email')}
        </div>
        <label htmlFor="add-member-name">{t(TEXT.name)}</label>
        <div>
          <input id="add-member-name" type="text" value={form.name} onChange={set('name')} {...invalid('name')} />
          {fieldError('name')}
        </div>
        <label htmlFor="add-member-role">{t(TEXT.role)}</label>
        <div>
          <select id="add-member-role" value={form.role} onChange={set('role')} {...invalid('role')}>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {t(ROLE_NAMES[role])}
              </option>
            ))}
          </select>
          {fieldError('role')}
        </div>
        <label htmlFor="add-member-password">{t(TEXT.password)}</label>
        <div>
          <input
            id="add-member-password"
            type="password"
            autoComplete="new-password"
            value={form.password}
            onChange={set('password')}
            {...invalid('password', 'add-member-password-hint')}
          />
          <p id="add-member-password-hint" className="hint">
            {t(TEXT.passwordHint)}
          </p>
          {fieldError('password')}
        </div>
      </div>
      <ErrorNote message={errors.general} />
      <button type="submit" className="button button--primary" disabled={busy}>
        {busy ? t(TEXT.adding) : t(TEXT.add)}
      </button>
    </form>
  );
};
