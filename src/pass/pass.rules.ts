// Pass decisions without I/O: codes (unambiguous alphabet), reading a code or a member from what a host typed,
// and whether a pass may be used today.

/** No 0/O, 1/I/L: a code read aloud at a front desk or copied from paper cannot be misread. */
export const PASS_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const PASS_CODE_LENGTH = 8;

export const PASS_LIMITS = { minVisits: 1, maxVisits: 100, minValidDays: 1, maxValidDays: 730, note: 200, holderName: 100, terms: 300 } as const;
export const PASS_DEFAULTS = { visits: 10, validDays: 365 } as const;

/** A fresh code from `randomIndex(n)` (0 ≤ result < n). */
export function generateCode(randomIndex: (n: number) => number): string {
  let code = '';
  for (let i = 0; i < PASS_CODE_LENGTH; i++) code += PASS_ALPHABET[randomIndex(PASS_ALPHABET.length)];
  return code;
}

/** "abcd-efgh", "ABCD EFGH" → "ABCDEFGH"; null when it cannot be a pass code. */
export function normalizeCode(text: string): string | null {
  const code = text.replace(/[\s-]/g, '').toUpperCase();
  if (code.length !== PASS_CODE_LENGTH) return null;
  for (const ch of code) if (!PASS_ALPHABET.includes(ch)) return null;
  return code;
}

/** How codes are printed: two groups of four, easier to read out. */
export function formatCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

export type PassRef = { kind: 'member'; userId: string } | { kind: 'code'; code: string };

/** What a host typed in `pass-code-or-member`: a mention or id of a member, or a pass code. */
export function readPassRef(text: string): PassRef | null {
  const trimmed = text.trim();
  const mention = /^<@!?(\d{15,21})>$/.exec(trimmed) ?? /^(\d{15,21})$/.exec(trimmed);
  if (mention) return { kind: 'member', userId: mention[1]! };
  const code = normalizeCode(trimmed);
  return code ? { kind: 'code', code } : null;
}

export type PassState = 'usable' | 'expired' | 'used_up';

export function passState(pass: { visits: number; validUntil: string }, used: number, today: string): PassState {
  if (today > pass.validUntil) return 'expired';
  return used >= pass.visits ? 'used_up' : 'usable';
}
