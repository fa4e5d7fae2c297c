import { createHmac, timingSafeEqual } from 'node:crypto';

// Twilio request validation (https://www.twilio.com/docs/usage/security#validating-requests):
// base64(HMAC-SHA1(authToken, fullUrl + each POST param name+value, sorted by name)). A repeated
// name contributes each distinct value once, sorted (as twilio-python and twilio-php do).
// JSON-body webhooks (bodySHA256) are not handled: status callbacks are form posts.

/** Form parameters as parsed from the body; repeated names as arrays. */
export type TwilioParams = Record<string, string | readonly string[]>;

export type SignTwilioRequestInput = {
  authToken: string;
  /** The full URL Twilio calls, scheme to query string, exactly as configured (`StatusCallback`). */
  url: string;
  params: TwilioParams;
};

export type VerifyTwilioSignatureInput = SignTwilioRequestInput & {
  /** The `X-Twilio-Signature` header as received; missing or repeated headers fail. */
  signature: string | string[] | undefined;
};

/** The `X-Twilio-Signature` value for a POST of `params` to `url`. */
export const signTwilioRequest = ({ authToken, url, params }: SignTwilioRequestInput): string => {
  const hmac = createHmac('sha1', authToken).update(url, 'utf8');
  for (const name of Object.keys(params).sort()) {
    const value = params[name];
    const values = typeof value === 'string' ? [value] : [...new Set(value ?? [])].sort();
    for (const v of values) hmac.update(name + v, 'utf8');
  }
  return hmac.digest('base64');
};

/**
 * True when `signature` matches. Twilio may sign the URL with or without the default port, so both
 * forms are tried, as Twilio's own helper libraries do. Never throws on malformed input.
 */
export const verifyTwilioSignature = (input: VerifyTwilioSignatureInput): boolean => {
  const { signature } = input;
  if (typeof signature !== 'string' || signature === '') return false;
  const received = Buffer.from(signature, 'utf8');
  return urlVariants(input.url).some((url) => {
    const expected = Buffer.from(signTwilioRequest({ ...input, url }), 'utf8');
    // timingSafeEqual throws on unequal lengths; the length of a SHA-1 signature is no secret.
    return expected.length === received.length && timingSafeEqual(expected, received);
  });
};

const DEFAULT_PORTS: Record<string, string> = { 'http:': '80', 'https:': '443' };

// The URL as given, without its port, and with the scheme's default port.
const urlVariants = (url: string): string[] => {
  const match = /^(https?:)\/\/([^/?#]*@)?([^/?#@]*?)(?::(\d+))?([/?#].*)?$/i.exec(url);
  if (!match) return [url];
  const [, scheme = '', userinfo = '', host = '', port, rest = ''] = match;
  const defaultPort = DEFAULT_PORTS[scheme.toLowerCase()] ?? '';
  const withoutPort = `${scheme}//${userinfo}${host}${rest}`;
  const withDefaultPort = `${scheme}//${userinfo}${host}:${defaultPort}${rest}`;
  return [...new Set([url, port === undefined ? withDefaultPort : withoutPort])];
};
