// A Map bounded to its most recently used entries: the caches a long-running bot keeps per alliance or member
// (prepared statements, remembered answers, rate limits, languages) must not grow with every alliance it ever saw.

export interface RecentMap<K, V> {
  /** The value, now the most recently used; undefined when absent (or let go). */
  get(key: K): V | undefined;
  /** Keeps the value as the most recently used, letting the least recently used go beyond the bound. */
  set(key: K, value: V): V;
  delete(key: K): void;
  readonly size: number;
}

export function createRecentMap<K, V>(max: number): RecentMap<K, V> {
  if (!(max >= 1)) throw new RangeError(`A recent map keeps at least one entry (asked for ${max}).`);
  // A Map iterates in insertion order: moving a used key to the end leaves the least recently used first.
  const entries = new Map<K, V>();
  return {
    get(key) {
      const value = entries.get(key);
      if (value === undefined) return undefined;
      entries.delete(key);
      entries.set(key, value);
      return value;
    },
    set(key, value) {
      entries.delete(key);
      entries.set(key, value);
      if (entries.size > max) entries.delete(entries.keys().next().value as K);
      return value;
    },
    delete(key) {
      entries.delete(key);
    },
    get size() {
      return entries.size;
    },
  };
}
