import { classifyAddress, guardUrl, type AddressClass, type HostLookup } from './address-guard';

const fixedLookup =
  (...addresses: string[]): HostLookup =>
  async () =>
    addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));

describe('classifyAddress', () => {
  it.each<[string, AddressClass]>([
    ['8.8.8.8', 'public'],
    ['1.1.1.1', 'public'],
    ['100.63.255.255', 'public'],
    ['100.128.0.0', 'public'],
    ['172.15.255.255', 'public'],
    ['172.32.0.0', 'public'],
    ['11.0.0.1', 'public'],
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'unspecified'],
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['10.0.0.1', 'private'],
    ['10.255.255.255', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.10', 'private'],
    ['169.254.169.254', 'link-local'],
    ['100.64.0.1', 'cgnat'],
    ['100.127.255.255', 'cgnat'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['240.0.0.1', 'reserved'],
    ['255.255.255.255', 'reserved'],
    ['192.0.0.8', 'reserved'],
    ['198.18.0.1', 'reserved'],
  ])('should classify IPv4 %s as %s when given it', (ip, expected) => {
    expect(classifyAddress(ip)).toBe(expected);
  });

  it.each<[string, AddressClass]>([
    ['2606:4700:4700::1111', 'public'],
    ['2a00:1450:4001:80b::200e', 'public'],
    ['::', 'unspecified'],
    ['::1', 'loopback'],
    ['[::1]', 'loopback'],
    ['0:0:0:0:0:0:0:1', 'loopback'],
    ['fe80::1', 'link-local'],
    ['fe80::1%eth0', 'link-local'],
    ['febf:ffff::1', 'link-local'],
    ['fec0::1', 'private'],
    ['fc00::1', 'unique-local'],
    ['fd12:3456:789a::1', 'unique-local'],
    ['ff02::1', 'multicast'],
    ['2001:db8::1', 'reserved'],
    ['FE80::ABCD', 'link-local'],
  ])('should classify IPv6 %s as %s when given it', (ip, expected) => {
    expect(classifyAddress(ip)).toBe(expected);
  });

  it.each<[string, AddressClass]>([
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:10.1.2.3', 'private'],
    ['::ffff:169.254.169.254', 'link-local'],
    ['::ffff:a9fe:a9fe', 'link-local'],
    ['::ffff:100.64.0.1', 'cgnat'],
    ['::ffff:0.0.0.0', 'unspecified'],
    ['::ffff:8.8.8.8', 'public'],
    ['64:ff9b::127.0.0.1', 'loopback'],
    ['64:ff9b::8.8.8.8', 'public'],
    ['::127.0.0.1', 'loopback'],
  ])('should classify IPv4 embedded in IPv6 %s as %s when given it', (ip, expected) => {
    expect(classifyAddress(ip)).toBe(expected);
  });

  it.each([['localhost'], ['1.2.3'], ['::g'], ['']])('should throw when %j is not an IP address', (bad) => {
    expect(() => classifyAddress(bad)).toThrow(/Not an IP address/);
  });
});

describe('guardUrl', () => {
  it('should resolve localhost to a loopback address and refuse it when private addresses are not allowed', async () => {
    const sut = await guardUrl('http://localhost:8080/hook');

    if (sut.ok) throw new Error(`expected a refusal, got ${sut.address}`);
    expect(sut.reason).toBe('blocked-address');
    expect(sut.message).toMatch(/localhost resolves to (127\.0\.0\.1|::1) \(loopback\)/);
  });

  it('should pin the resolved loopback address when private addresses are allowed', async () => {
    const sut = await guardUrl('http://localhost:8080/hook', { allowPrivate: true });

    if (!sut.ok) throw new Error(sut.message);
    expect(sut).toMatchObject({ hostname: 'localhost', addressClass: 'loopback' });
    expect(['127.0.0.1', '::1']).toContain(sut.address);
  });

  it('should pin the first address when a public host resolves to several', async () => {
    const sut = await guardUrl('https://hooks.example.test/x', {
      lookup: fixedLookup('93.184.216.34', '2606:2800::1'),
    });

    expect(sut).toMatchObject({ ok: true, address: '93.184.216.34', family: 4, hostname: 'hooks.example.test' });
  });

  it('should refuse the whole host when any of its addresses is private', async () => {
    const sut = await guardUrl('https://rebind.example.test/', { lookup: fixedLookup('93.184.216.34', '10.0.0.5') });

    expect(sut).toMatchObject({ ok: false, reason: 'blocked-address' });
  });

  it.each([
    ['http://127.0.0.1/'],
    ['http://[::1]:9000/'],
    ['http://[::ffff:169.254.169.254]/latest/meta-data'],
    ['http://2130706433/'], // 127.0.0.1 as a 32-bit number, normalised by the URL parser
    ['http://0x7f.1/'],
    ['http://0/'],
    ['https://169.254.169.254/'],
  ])('should refuse the IP literal in %s without a DNS lookup', async (url) => {
    const lookup = jest.fn<ReturnType<HostLookup>, Parameters<HostLookup>>();

    const sut = await guardUrl(url, { lookup });

    expect(sut).toMatchObject({ ok: false, reason: 'blocked-address' });
    expect(lookup).not.toHaveBeenCalled();
  });

  it.each([
    ['ftp://example.test/file', 'unsupported-scheme'],
    ['file:///etc/passwd', 'unsupported-scheme'],
    ['gopher://127.0.0.1:6379/_FLUSHALL', 'unsupported-scheme'],
    ['not a url', 'invalid-url'],
    ['', 'invalid-url'],
  ])('should refuse %j with %s when the URL is not http(s)', async (url, reason) => {
    const sut = await guardUrl(url, { allowPrivate: true });

    expect(sut).toMatchObject({ ok: false, reason });
  });

  it('should let the lookup error through when the host does not resolve', async () => {
    const lookup: HostLookup = async () => {
      throw Object.assign(new Error('getaddrinfo EAI_AGAIN'), { code: 'EAI_AGAIN' });
    };

    await expect(guardUrl('https://flaky.example.test/', { lookup })).rejects.toMatchObject({ code: 'EAI_AGAIN' });
  });
});
