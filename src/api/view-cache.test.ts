import { describe, expect, it } from 'vitest';
import { ViewCache } from './view-cache.ts';

/** A computation that counts its runs and answers `value`. */
function counted<T>(value: T) {
  const fn = async () => {
    fn.runs += 1;
    return value;
  };
  fn.runs = 0;
  return fn;
}

describe('ViewCache', () => {
  it('computes a key once per version and serves it again until the version changes', async () => {
    const cache = new ViewCache(10);
    const compute = counted({ n: 1 });
    expect(await cache.through('e:1', 'k', compute)).toEqual({ n: 1 });
    expect(await cache.through('e:1', 'k', compute)).toEqual({ n: 1 });
    expect(compute.runs).toBe(1);
    expect(cache.hits).toBe(1);
    await cache.through('e:2', 'k', compute);
    expect(compute.runs).toBe(2);
    // Entries of the older version are gone once a newer one is seen.
    expect(cache.size).toBe(1);
  });

  it('keeps answers apart by key', async () => {
    const cache = new ViewCache(10);
    expect(await cache.through('e:1', 'a', counted('A'))).toBe('A');
    expect(await cache.through('e:1', 'b', counted('B'))).toBe('B');
    expect(await cache.through('e:1', 'a', counted('other'))).toBe('A');
  });

  it('shares one computation between concurrent requests for a key', async () => {
    const cache = new ViewCache(10);
    const compute = counted('x');
    await Promise.all([cache.through('e:1', 'k', compute), cache.through('e:1', 'k', compute)]);
    expect(compute.runs).toBe(1);
  });

  it('keeps nothing without a version, or with no room', async () => {
    const compute = counted('x');
    const cache = new ViewCache(10);
    await cache.through(null, 'k', compute);
    await cache.through(null, 'k', compute);
    const none = new ViewCache(0);
    await none.through('e:1', 'k', compute);
    await none.through('e:1', 'k', compute);
    expect(compute.runs).toBe(4);
  });

  it('does not keep a failure', async () => {
    const cache = new ViewCache(10);
    let runs = 0;
    const failing = async () => {
      runs += 1;
      throw new Error('database down');
    };
    await expect(cache.through('e:1', 'k', failing)).rejects.toThrow('database down');
    await expect(cache.through('e:1', 'k', failing)).rejects.toThrow('database down');
    expect(runs).toBe(2);
    expect(await cache.through('e:1', 'k', counted('ok'))).toBe('ok');
  });

  it('is bounded: the least recently used key goes first', async () => {
    const cache = new ViewCache(2);
    const a = counted('a');
    await cache.through('e:1', 'a', a);
    await cache.through('e:1', 'b', counted('b'));
    await cache.through('e:1', 'a', a);
    await cache.through('e:1', 'c', counted('c'));
    expect(cache.size).toBe(2);
    await cache.through('e:1', 'a', a);
    expect(a.runs).toBe(1);
    const b = counted('b');
    await cache.through('e:1', 'b', b);
    expect(b.runs).toBe(1);
  });
});
