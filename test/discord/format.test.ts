// Text helpers: truncation must satisfy both Discord (code points) and discord.js's builders (UTF-16 units).
import { EmbedBuilder } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { truncate } from '../../src/discord/format.js';

describe('truncate', () => {
  it('keeps emoji-heavy text within the UTF-16 length discord.js builders check, without splitting a pair', () => {
    const cut = truncate('🙂'.repeat(300), 256);
    expect(cut.length).toBeLessThanOrEqual(256);
    expect(cut).toMatch(/^(🙂)+…$/u);
    expect(() => new EmbedBuilder().setTitle(truncate(`#1 · ${'🙂'.repeat(150)}`, 256))).not.toThrow();
  });

  it('leaves short text alone and cuts long plain text to exactly max with an ellipsis', () => {
    expect(truncate('Shared printer', 256)).toBe('Shared printer');
    const cut = truncate('x'.repeat(300), 100);
    expect(cut).toHaveLength(100);
    expect(cut.endsWith('…')).toBe(true);
  });
});
