import { formatCount, formatShare, parseLiveCounts } from './live-counts';

describe('live counts', () => {
  it('should keep well-formed node and edge figures when the stream sends an update', () => {
    const sut = parseLiveCounts(
      JSON.stringify({
        nodes: { wait: { now: 3, passed: 10 }, broken: { now: 'x', passed: 1 } },
        edges: { 'vip:yes->wait': { passed: 4, share: 0.4 }, 'vip:no->done': { passed: 0, share: null } },
      }),
    );

    expect(sut).toEqual({
      nodes: { wait: { now: 3, passed: 10 } },
      edges: { 'vip:yes->wait': { passed: 4, share: 0.4 }, 'vip:no->done': { passed: 0, share: null } },
    });
  });

  it.each(['not json', '[]', '{"nodes":{}}', 'null'])('should drop an update when the data is %s', (data) => {
    expect(parseLiveCounts(data)).toBeNull();
  });

  it.each([
    [0.425, '43%'],
    [1, '100%'],
    [null, '–'],
  ])('should show share %p as %s', (share, shown) => {
    expect(formatShare(share)).toBe(shown);
  });

  it('should show small counts as they are', () => {
    expect(formatCount(7)).toBe('7');
  });
});
