import { createHash, randomBytes } from 'node:crypto';

/** Keys are stored as digests; looking one up by digest compares fixed-length hashes, not the secret itself. */
export const digestKey = (key: string): string => createHash('sha256').update(key, 'utf8').digest('hex');

export const generateKey = (prefix: 'wk' | 'sk'): string => `${prefix}_${randomBytes(24).toString('base64url')}`;
