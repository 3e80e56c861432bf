// The public archive of monthly updates: what was posted is kept (one entry per month, newest post wins), member
// mentions lose their ids, and updates are read per alliance only.
import { describe, expect, it } from 'vitest';
import { english, harness } from './harness.js';

const G = '300000000000000003';
const H = '300000000000000004';

describe('the updates archive', () => {
  it('keeps the posted update without member ids, newest post of a month first, per alliance', async () => {
    const h = harness({
      start: '2026-11-10T00:00:00Z',
      sections: [{ id: 'skills', order: 1, build: () => ({ title: 'Skills', lines: ['**Design** shared by <@200000000000000005> and <@!200000000000000006>'] }) }],
    });
    const organizer = h.setupAlliance(G, 'UTC');
    h.setupAlliance(H, 'UTC');
    await h.services.rhythm.updates.postNow(organizer, h.discord.publish, english);
    const archive = h.services.rhythm.publicPage.archive(G);
    expect(archive.map((u) => [u.period, u.title])).toEqual([['2026-11', 'November 2026']]);
    const text = JSON.stringify(archive[0]!.sections);
    expect(text).toContain('**Design** shared by <@0> and <@0>');
    expect(text).not.toContain('200000000000000005');
    expect(h.services.rhythm.publicPage.update(G, '2026-11')?.period).toBe('2026-11');
    expect(h.services.rhythm.publicPage.update(G, '2026-13')).toBeNull();
    expect(h.services.rhythm.publicPage.archive(H)).toEqual([]);
  });
});
