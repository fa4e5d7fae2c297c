import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP } from 'node:net';

// Server-side request forgery guard: a journey's webhook URL is user input, so the engine must not be
// turned against its own network. The host is resolved once and the connection is made to that address
// (pinned), so a DNS answer cannot change between the check and the connect (DNS rebinding).

export type AddressClass =
  | 'public'
  | 'unspecified'
  | 'loopback'
  | 'private'
  | 'link-local'
  | 'cgnat'
  | 'unique-local'
  | 'multicast'
  | 'reserved';

export type ResolvedAddress = { address: string; family: 4 | 6 };
export type HostLookup = (hostname: string) => Promise<ResolvedAddress[]>;

export type GuardOptions = {
  /** The workspace allows private and loopback targets (local development, on-premise receivers). */
  allowPrivate?: boolean;
  /** DNS resolution; defaults to the system resolver (`getaddrinfo`, all addresses). */
  lookup?: HostLookup;
};

export type GuardRefusal = 'invalid-url' | 'unsupported-scheme' | 'blocked-address';
export type GuardResult =
  | { ok: true; url: URL; hostname: string; address: string; family: 4 | 6; addressClass: AddressClass }
  | { ok: false; reason: GuardRefusal; message: string };

type Range = [prefix: bigint, bits: number, cls: AddressClass];

const v4 = (a: number, b = 0, c = 0, d = 0): bigint => BigInt(((a << 24) | (b << 16) | (c << 8) | d) >>> 0);

// Most specific first is not needed: the ranges below do not overlap.
const V4_RANGES: Range[] = [
  [v4(0), 8, 'unspecified'], // "this network", 0.0.0.0 reaches localhost on Linux
  [v4(10), 8, 'private'],
  [v4(100, 64), 10, 'cgnat'],
  [v4(127), 8, 'loopback'],
  [v4(169, 254), 16, 'link-local'], // includes the cloud metadata endpoint 169.254.169.254
  [v4(172, 16), 12, 'private'],
  [v4(192, 0, 0), 24, 'reserved'], // IETF protocol assignments
  [v4(192, 168), 16, 'private'],
  [v4(198, 18), 15, 'reserved'], // benchmarking
  [v4(224), 4, 'multicast'],
  [v4(240), 4, 'reserved'], // includes broadcast 255.255.255.255
];

const V6_RANGES: Range[] = [
  [0n, 128, 'unspecified'],
  [1n, 128, 'loopback'],
  [0xfe80n << 112n, 10, 'link-local'],
  [0xfec0n << 112n, 10, 'private'], // deprecated site-local
  [0xfc00n << 112n, 7, 'unique-local'],
  [0xff00n << 112n, 8, 'multicast'],
  [0x2001_0db8n << 96n, 32, 'reserved'], // documentation
  [0x0100n << 112n, 64, 'reserved'], // discard-only
];

// IPv6 prefixes that carry an IPv4 address in their last 32 bits, classified as that IPv4 address.
const V4_EMBEDDING: [prefix: bigint, bits: number][] = [
  [0xffffn << 32n, 96], // IPv4-mapped ::ffff:a.b.c.d
  [0x0064_ff9bn << 96n, 96], // NAT64 well-known prefix 64:ff9b::a.b.c.d
  [0n, 96], // deprecated IPv4-compatible ::a.b.c.d (after :: and ::1 above)
];

const inRange = (value: bigint, width: number, prefix: bigint, bits: number): boolean =>
  value >> BigInt(width - bits) === prefix >> BigInt(width - bits);

const parseV4 = (ip: string): bigint => ip.split('.').reduce((acc, part) => (acc << 8n) | BigInt(Number(part)), 0n);

const parseV6 = (ip: string): bigint => {
  let text = ip.toLowerCase().split('%')[0] ?? ''; // drop a zone id (fe80::1%eth0)
  const tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(text)?.[1];
  if (tail !== undefined) {
    const n = parseV4(tail);
    text = text.slice(0, -tail.length) + `${(n >> 16n).toString(16)}:${(n & 0xffffn).toString(16)}`;
  }
  const [head = '', rest] = text.split('::');
  const left = head === '' ? [] : head.split(':');
  const right = rest === undefined || rest === '' ? [] : rest.split(':');
  const groups = rest === undefined ? left : [...left, ...Array(8 - left.length - right.length).fill('0'), ...right];
  return groups.reduce((acc, g) => (acc << 16n) | BigInt(parseInt(g, 16)), 0n);
};

const classifyV4 = (value: bigint): AddressClass =>
  V4_RANGES.find(([prefix, bits]) => inRange(value, 32, prefix, bits))?.[2] ?? 'public';

/** What kind of address an IP literal is; throws on something that is not an IP address. */
export const classifyAddress = (ip: string): AddressClass => {
  const bare = ip.startsWith('[') && ip.endsWith(']') ? ip.slice(1, -1) : ip;
  const family = isIP(bare.split('%')[0] ?? '');
  if (family === 4) return classifyV4(parseV4(bare));
  if (family !== 6) throw new Error(`Not an IP address: ${ip}`);
  const value = parseV6(bare);
  const exact = V6_RANGES.find(([prefix, bits]) => inRange(value, 128, prefix, bits));
  if (exact) return exact[2];
  const embedding = V4_EMBEDDING.find(([prefix, bits]) => inRange(value, 128, prefix, bits));
  if (embedding) return classifyV4(value & 0xffff_ffffn);
  return 'public';
};

const systemLookup: HostLookup = async (hostname) =>
  (await dnsLookup(hostname, { all: true, verbatim: true })).map(({ address, family }) => ({
    address,
    family: family === 6 ? 6 : 4,
  }));

/**
 * Decides whether `url` may be called and which address to connect to. Refuses non-http(s) URLs, and, unless
 * `allowPrivate`, a host any of whose addresses is not public (a mixed answer is refused whole: the attacker may
 * control the order). DNS failures are thrown as they are (they are usually transient, so retryable).
 */
export const guardUrl = async (url: string | URL, options: GuardOptions = {}): Promise<GuardResult> => {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, reason: 'invalid-url', message: `Not a valid URL: ${String(url)}` };
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    return {
      ok: false,
      reason: 'unsupported-scheme',
      message: `Only http and https are allowed, not ${parsed.protocol}`,
    };

  const hostname = parsed.hostname.startsWith('[') ? parsed.hostname.slice(1, -1) : parsed.hostname;
  const literal = isIP(hostname);
  const addresses: ResolvedAddress[] = literal
    ? [{ address: hostname, family: literal === 6 ? 6 : 4 }]
    : await (options.lookup ?? systemLookup)(hostname);
  if (addresses.length === 0) throw Object.assign(new Error(`No address for ${hostname}`), { code: 'ENOTFOUND' });

  const classified = addresses.map((a) => ({ ...a, addressClass: classifyAddress(a.address) }));
  const blocked = classified.find((a) => a.addressClass !== 'public');
  if (blocked && !options.allowPrivate)
    return {
      ok: false,
      reason: 'blocked-address',
      message: `${hostname} resolves to ${blocked.address} (${blocked.addressClass}); private addresses are not allowed`,
    };
  const [pinned] = classified as [(typeof classified)[number]];
  return { ok: true, url: parsed, hostname, ...pinned };
};
