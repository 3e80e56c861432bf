// Near-duplicate text as decided for ideas and agenda items: case, accents, punctuation and spacing ignored, plus
// a small edit distance that grows with length; short texts must match exactly.
import { describe, expect, it } from 'vitest';
import { duplicateKey, findNearDuplicate, isNearDuplicate } from '../../../src/shared/near-duplicate.js';

describe('near duplicates', () => {
  it('ignore case, accents, punctuation and spacing', () => {
    expect(duplicateKey('Alliance-wide  Mémber discount card!')).toBe('alliancewidememberdiscountcard');
    expect(isNearDuplicate('Alliance-wide member discount card', 'alliance wide member discount card!')).toBe(true);
  });

  it('allow a typo or two in longer texts, none in short ones', () => {
    expect(isNearDuplicate('Alliance-wide member discount card', 'Aliance-wide member discount card')).toBe(true);
    expect(isNearDuplicate('Budget', 'Budgets')).toBe(false);
    expect(isNearDuplicate('Alliance-wide member discount card', 'Alliance-wide member discount map')).toBe(false);
  });

  it('find the first lookalike in a list, or nothing', () => {
    const items = [{ id: 1, text: 'Shared printer' }, { id: 2, text: 'Coworking passport' }];
    expect(findNearDuplicate('coworking-passport.', items, (i) => i.text)?.id).toBe(2);
    expect(findNearDuplicate('Skill breakfast', items, (i) => i.text)).toBeNull();
    expect(findNearDuplicate('!!!', [{ text: '???' }], (i) => i.text)).toBeNull();
  });
});
