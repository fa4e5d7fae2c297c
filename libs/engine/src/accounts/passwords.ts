import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

// @node-rs/argon2's defaults are argon2id, 19 MiB, 2 passes, 1 lane: OWASP's recommended minimum.

export const hashPassword = (password: string): Promise<string> => hash(password);

/** A malformed stored hash counts as a wrong password, never as an error that tells the two apart. */
export const verifyPassword = async (passwordHash: string, password: string): Promise<boolean> => {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
};

let dummy: Promise<string> | null = null;

/**
 * A hash of nothing anyone knows, verified against when the email is unknown: a sign-in with an unknown email
 * costs the same argon2 work as one with a wrong password, so timing does not tell which emails have accounts.
 */
export const dummyPasswordHash = (): Promise<string> => (dummy ??= hash(randomBytes(32).toString('base64url')));

/** Session and CSRF tokens: 256 random bits. */
export const newToken = (): string => randomBytes(32).toString('base64url');

/** Sessions are stored by this digest, so the table alone cannot be replayed as cookies. */
export const sessionIdOf = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

/** Compares two secrets without leaking through timing where they first differ (digests make lengths equal). */
export const secretsEqual = (given: string, expected: string): boolean =>
  timingSafeEqual(
    createHash('sha256').update(given, 'utf8').digest(),
    createHash('sha256').update(expected, 'utf8').digest(),
  );
