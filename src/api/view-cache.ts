/**
 * Answers of `network` and `stats` kept across requests, keyed on the
 * graph's version (src/graph/version.ts) and the normalised arguments. Every
 * write transaction increments the version, so an entry is only ever served
 * for the graph it was computed on; without a version (the node missing)
 * nothing is cached. Bounded (least recently used out first); entries of an
 * older version are dropped as soon as a newer one is seen.
 *
 * The version is read before the answer is computed: an answer may then
 * reflect writes newer than its key (harmless, the next request misses), but
 * never older ones.
 */
import { LRUCache } from 'lru-cache';

export class ViewCache {
  private readonly entries: LRUCache<string, { value: Promise<unknown> }> | null;
  private version: string | null = null;
  hits = 0;
  misses = 0;

  constructor(maxEntries: number) {
    this.entries = maxEntries > 0 ? new LRUCache({ max: maxEntries }) : null;
  }

  /**
   * The answer for `key` under `version`: the one kept, or `compute()`
   * (kept once computed; a failure is not kept). Concurrent requests for the
   * same key share one computation.
   */
  through<T>(version: string | null, key: string, compute: () => Promise<T>): Promise<T> {
    if (this.entries === null || version === null) return compute();
    if (version !== this.version) {
      this.entries.clear();
      this.version = version;
    }
    const full = `${version}\n${key}`;
    const kept = this.entries.get(full);
    if (kept !== undefined) {
      this.hits += 1;
      return kept.value as Promise<T>;
    }
    this.misses += 1;
    const value = compute();
    const entry = { value };
    this.entries.set(full, entry);
    value.catch(() => {
      if (this.entries!.get(full) === entry) this.entries!.delete(full);
    });
    return value;
  }

  get size(): number {
    return this.entries?.size ?? 0;
  }
}
