// The cut-off of a match: the k-th best score found without sorting them all, equal to what a full sort gives,
// with many equal scores (people's scores bunch) and at both ends.
import { describe, expect, it } from 'vitest';
import { kthLargest } from '../../../src/skills/match.rules.js';

function rng(seed: number) {
  return () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
}

describe('kthLargest', () => {
  it('gives what a full sort gives, for every k, with few distinct values and with all distinct', () => {
    const random = rng(7);
    for (const distinct of [1, 3, 50, 1e9]) {
      for (const size of [1, 2, 5, 26, 300]) {
        const values = Float64Array.from({ length: size }, () => Math.floor(random() * distinct) + (distinct > 1e6 ? random() : 0));
        const sorted = values.slice().sort();
        for (let k = 1; k <= size; k++) expect(kthLargest(values.slice(), k)).toBe(sorted[size - k]);
      }
    }
  });

  it('handles thousands of equal scores around the cut-off', () => {
    const values = Float64Array.from({ length: 5000 }, (_, i) => (i % 10 === 0 ? 290 + (i % 7) : 285));
    expect(kthLargest(values.slice(), 25)).toBe(values.slice().sort()[5000 - 25]);
  });
});
