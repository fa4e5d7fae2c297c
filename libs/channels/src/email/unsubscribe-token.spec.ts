import { createHmac } from 'node:crypto';
import {
  createUnsubscribeToken,
  unsubscribeHeaders,
  verifyUnsubscribeToken,
  type UnsubscribePayload,
} from './unsubscribe-token';

const SECRET = 'test-secret-0123456789abcdef';
const PAYLOAD: UnsubscribePayload = {
  workspaceId: '5f0c3f4e-3c55-4c0f-9d38-4a3a4e0b1a01',
  customerId: '0b8a5a9e-70a5-4d55-9a8e-1c2a3f4b5c6d',
  channel: 'email',
};

const flip = (token: string, index: number): string => {
  const bytes = Buffer.from(token, 'base64url');
  bytes[index] = (bytes[index] ?? 0) ^ 0x01;
  return bytes.toString('base64url');
};

describe('unsubscribe tokens', () => {
  it('should return the payload when a token is verified with the secret that made it', () => {
    const token = createUnsubscribeToken(PAYLOAD, SECRET);

    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(encodeURIComponent(token)).toBe(token);
    expect(verifyUnsubscribeToken(token, SECRET)).toEqual(PAYLOAD);
    expect(verifyUnsubscribeToken(token, Buffer.from(SECRET))).toEqual(PAYLOAD);
  });

  it('should round-trip ids with any characters when ids are not UUIDs', () => {
    const payload: UnsubscribePayload = { workspaceId: 'w"1\\', customerId: 'klant-é-😀', channel: 'sms' };

    expect(verifyUnsubscribeToken(createUnsubscribeToken(payload, SECRET), SECRET)).toEqual(payload);
  });

  it('should start with version byte 1 when a token is made', () => {
    expect(Buffer.from(createUnsubscribeToken(PAYLOAD, SECRET), 'base64url')[0]).toBe(1);
  });

  it('should return null when a correctly signed token has another version', () => {
    const signed = Buffer.concat([Buffer.from([2]), Buffer.from(JSON.stringify(['w', 'c', 'email']))]);
    const token = Buffer.concat([signed, createHmac('sha256', SECRET).update(signed).digest()]).toString('base64url');

    expect(verifyUnsubscribeToken(token, SECRET)).toBeNull();
  });

  it('should return null when the token is verified with another secret', () => {
    expect(verifyUnsubscribeToken(createUnsubscribeToken(PAYLOAD, SECRET), 'another-secret')).toBeNull();
  });

  it.each([
    ['the version byte', 0],
    ['the payload', 10],
    ['the signature', -1],
  ])('should return null when %s is tampered with', (_what, index) => {
    const token = createUnsubscribeToken(PAYLOAD, SECRET);
    const at = index < 0 ? Buffer.from(token, 'base64url').length + index : index;

    expect(verifyUnsubscribeToken(flip(token, at), SECRET)).toBeNull();
  });

  it('should return null when another customer id is signed in with the first token signature', () => {
    const good = Buffer.from(createUnsubscribeToken(PAYLOAD, SECRET), 'base64url');
    const other = Buffer.from(
      createUnsubscribeToken({ ...PAYLOAD, customerId: 'someone-else-entirely-xxxxxxxxxxxxx' }, SECRET),
      'base64url',
    );
    const forged = Buffer.concat([other.subarray(0, other.length - 32), good.subarray(good.length - 32)]);

    expect(verifyUnsubscribeToken(forged.toString('base64url'), SECRET)).toBeNull();
  });

  it.each([
    ['an empty string', ''],
    ['a non-string', 42],
    ['non-base64url characters', 'abc+/='],
    ['a too short token', 'AQ'],
    ['a huge token', 'A'.repeat(5000)],
    ['a token with a trailing character', `${createUnsubscribeToken(PAYLOAD, SECRET)}A`],
  ])('should return null without throwing when given %s', (_what, token) => {
    expect(verifyUnsubscribeToken(token, SECRET)).toBeNull();
  });

  it('should return null when the secret is empty', () => {
    expect(verifyUnsubscribeToken(createUnsubscribeToken(PAYLOAD, SECRET), '')).toBeNull();
  });

  it('should throw when a token is made without a secret, an id or a known channel', () => {
    expect(() => createUnsubscribeToken(PAYLOAD, '')).toThrow(TypeError);
    expect(() => createUnsubscribeToken({ ...PAYLOAD, customerId: '' }, SECRET)).toThrow(TypeError);
    expect(() => createUnsubscribeToken({ ...PAYLOAD, channel: 'fax' as 'email' }, SECRET)).toThrow(TypeError);
  });
});

describe('unsubscribeHeaders', () => {
  it('should return the exact RFC 8058 headers when given an https URL', () => {
    const sut = unsubscribeHeaders('https://rapport.test/unsubscribe/AQabc_-9?lang=fr');

    expect(sut).toEqual({
      'List-Unsubscribe': '<https://rapport.test/unsubscribe/AQabc_-9?lang=fr>',
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    });
  });

  it('should percent-encode characters that would break the header when the URL has them', () => {
    expect(unsubscribeHeaders('https://rapport.test/u/a b<c>')['List-Unsubscribe']).toBe(
      '<https://rapport.test/u/a%20b%3Cc%3E>',
    );
  });

  it.each([
    ['not a url'],
    ['/relative/path'],
    ['mailto:unsub@rapport.test'],
    ['javascript:alert(1)'],
    ['https://rapport.test/u/a,b'],
  ])('should throw when the URL is %p', (url) => {
    expect(() => unsubscribeHeaders(url)).toThrow(TypeError);
  });
});
