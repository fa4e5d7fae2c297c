export type AccountFailure =
  | 'bad-credentials'
  | 'no-workspace'
  | 'unknown-member'
  | 'already-member'
  | 'password-required'
  | 'existing-account'
  | 'last-admin';

/** The accounts module's one error class: the API maps `code` to its HTTP status. */
export class AccountError extends Error {
  constructor(
    readonly code: AccountFailure,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}
