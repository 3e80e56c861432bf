// Near-duplicate text, as decided for ideas and agenda items: case, accents, punctuation and spacing are ignored,
// and a small edit distance is allowed ("Alliance-wide member discount card" ≈ "alliance wide member discount card!").

/** The text reduced to lowercase letters and digits, accents removed. */
export function duplicateKey(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Edits allowed between two keys: none for short texts, then one per 12 characters, at most 3. */
function allowedEdits(length: number): number {
  return Math.min(3, Math.floor(length / 12));
}

/** Classic edit distance, stopping early (max + 1) once every cell of a row exceeds `max`. */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
    previous = current;
  }
  return previous[b.length]!;
}

export function isNearDuplicate(a: string, b: string): boolean {
  const ka = duplicateKey(a);
  const kb = duplicateKey(b);
  if (!ka || !kb) return false;
  if (ka === kb) return true;
  const max = allowedEdits(Math.min(ka.length, kb.length));
  return max > 0 && editDistance(ka, kb, max) <= max;
}

/** The first of `existing` that `text` nearly duplicates, or null. */
export function findNearDuplicate<T>(text: string, existing: readonly T[], textOf: (item: T) => string): T | null {
  return existing.find((item) => isNearDuplicate(text, textOf(item))) ?? null;
}
