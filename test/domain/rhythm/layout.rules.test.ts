// Laying posts out within Discord's limits: ten embeds per message, a single over-long line cut, order kept.
import { describe, expect, it } from 'vitest';
import { chunkLines, layoutPost, LIMITS, messageChars } from '../../../src/rhythm/layout.rules.js';

const ENGLISH = { continued: (title: string) => `${title} (continued)`, part: (index: number, count: number) => `Part ${index} of ${count}` };

describe('post layout', () => {
  it('never puts more than ten embeds in a message and keeps sections in order', () => {
    const sections = Array.from({ length: 23 }, (_, i) => ({ title: `S${i}`, lines: [`line ${i}`] }));
    const messages = layoutPost({ title: 'T', intro: 'I', sections, color: 1, words: ENGLISH });
    expect(messages.map((m) => m.embeds.length)).toEqual([10, 10, 4]);
    expect(messages.flatMap((m) => m.embeds.map((e) => e.title))).toEqual(['T', ...sections.map((s) => s.title)]);
  });

  it('cuts a single line longer than a description and marks continued sections', () => {
    const chunks = chunkLines(['y'.repeat(5000), 'short']);
    expect(chunks[0]).toHaveLength(LIMITS.description);
    expect(chunks[0]!.endsWith('…')).toBe(true);
    const messages = layoutPost({ title: 'T'.repeat(300), intro: 'I', sections: [{ title: 'Long', lines: Array.from({ length: 100 }, () => 'z'.repeat(100)) }], color: 1, words: ENGLISH });
    const titles = messages.flatMap((m) => m.embeds.map((e) => e.title));
    expect(titles[0]).toHaveLength(LIMITS.title);
    expect(titles.slice(1)).toEqual(['Long', 'Long (continued)', 'Long (continued)']);
    for (const message of messages) expect(messageChars(message)).toBeLessThanOrEqual(LIMITS.charsPerMessage);
  });
});
