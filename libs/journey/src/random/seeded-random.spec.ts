import { seededRandom } from './seeded-random';

describe('seededRandom', () => {
  it('should repeat the same sequence when seeded the same', () => {
    const a = seededRandom('enrollment-1:split');
    const b = seededRandom('enrollment-1:split');
    expect([a(), a(), a()]).toEqual([b(), b(), b()]);
  });

  it('should give numbers in [0, 1) spread evenly when drawn many times', () => {
    const draw = seededRandom('spread');
    const buckets = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    for (let i = 0; i < 10_000; i += 1) {
      const value = draw();
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(1);
      buckets[Math.floor(value * 10)]! += 1;
    }
    for (const count of buckets) expect(Math.abs(count - 1000)).toBeLessThan(150);
  });

  it('should differ when the seeds differ', () => {
    expect(seededRandom('a')()).not.toBe(seededRandom('b')());
  });
});
