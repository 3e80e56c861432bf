import { describe, expect, it } from 'vitest';
import { createRecentMap } from '../../../src/shared/recent-map.js';

describe('a recent map', () => {
  it('lets the least recently used entry go past its bound', () => {
    const map = createRecentMap<string, number>(2);
    map.set('a', 1);
    map.set('b', 2);
    expect(map.get('a')).toBe(1); // a is now the most recently used
    map.set('c', 3);
    expect(map.get('b')).toBeUndefined();
    expect(map.get('a')).toBe(1);
    expect(map.get('c')).toBe(3);
    expect(map.size).toBe(2);
  });

  it('setting a kept key again moves it, never grows past the bound, and returns the value', () => {
    const map = createRecentMap<number, string>(3);
    for (let i = 0; i < 1000; i++) expect(map.set(i % 5, `v${i}`)).toBe(`v${i}`);
    expect(map.size).toBe(3);
    expect([map.get(4), map.get(3), map.get(2), map.get(1)]).toEqual(['v999', 'v998', 'v997', undefined]);
  });

  it('forgets a deleted key and refuses a bound below one', () => {
    const map = createRecentMap<string, number>(1);
    map.set('a', 1);
    map.delete('a');
    expect(map.get('a')).toBeUndefined();
    expect(map.size).toBe(0);
    expect(() => createRecentMap(0)).toThrow(/at least one/);
  });
});
