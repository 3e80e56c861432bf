// Hostile values for fuzzing: strings members could type (Unicode tricks, Markdown, mentions, 10,000 characters,
// broken dates) and numbers at and past an option's bounds. Built from fast-check so failures shrink.
import fc from 'fast-check';

export function hostileString(ids: { userId: string; roleId: string; channelId: string }): fc.Arbitrary<string> {
  const pieces = fc.constantFrom(
    '@everyone', '@here', `<@&${ids.roleId}>`, `<@${ids.userId}>`, `<@!${ids.userId}>`, `<#${ids.channelId}>`, '<@&1>', '<@0>',
    '**bold** __under__ ~~strike~~ ||spoiler||', '`code` ```js\nx```', '> quote\n# Heading\n- list', '[link](https://evil.example)',
    '\u202Eevil\u202C', '\u200F\u200E', 'a\u200Bb\u200C\u200Dc\uFEFF', 'e\u0301\u0302\u0303\u0304\u0305', 'Z̸̢̛̖͎a̷l̵g̶o̴',
    '👩‍👩‍👧‍👦', '🏳️‍🌈', '🇺🇸', '\uD83D', '\u0000', '\t', '\n', '\r\n', ' ', '',
    '2026-02-30 25:61', '31/12/99', '9999-99-99', 'tomorrow at 25pm', '0000-00-00 00:00', 'yesterday', '-1d', '1e9d',
    'NaN', 'Infinity', '-0', '1e308', '%3A', 'v1:x:y', "'; DROP TABLE spaces; --", '../../etc/passwd', '<script>alert(1)</script>',
  );
  return fc.oneof(
    { weight: 3, arbitrary: fc.array(fc.oneof(pieces, fc.string({ unit: 'binary', maxLength: 12 })), { minLength: 1, maxLength: 6 }).map((parts) => parts.join(' ')) },
    { weight: 1, arbitrary: fc.constantFrom('x'.repeat(10_000), '🙂'.repeat(5_000), 'e\u0301'.repeat(3_000), '@everyone '.repeat(1000)) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 120 }) },
  );
}

export function hostileInteger(def: { min_value?: number; max_value?: number }): fc.Arbitrary<number> {
  const min = def.min_value ?? -(2 ** 53 - 1);
  const max = def.max_value ?? 2 ** 53 - 1;
  return fc.oneof(
    fc.constantFrom(min, max, min - 1, max + 1, 0, -1, 1, 2 ** 31, -(2 ** 31) - 1, Number.MAX_SAFE_INTEGER),
    fc.integer({ min: Math.max(min, -1e6), max: Math.min(max, 1e6) }),
  );
}

export function hostileNumber(def: { min_value?: number; max_value?: number }): fc.Arbitrary<number> {
  return fc.oneof(hostileInteger(def), fc.double({ min: -1e12, max: 1e12, noNaN: true }));
}
