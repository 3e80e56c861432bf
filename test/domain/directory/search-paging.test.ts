// Paging large result sets: tiers read with LIMIT (a page crossing from name hits to description hits), counts
// that stop at the cap and say so, paging beyond the cap, a parked search paged past its end; and text combined
// with city and tag filters (narrowed inside FTS, decided by SQL).
import { describe, expect, it } from 'vitest';
import { t, type MessageValues } from '../../../src/i18n/translate.js';
import { createDirectoryRepo } from '../../../src/directory/directory.repo.js';
import { LIMITS } from '../../../src/directory/directory.rules.js';
import { foldKey } from '../../../src/directory/text.rules.js';
import { PARKED_PER_MEMBER } from '../../../src/directory/directory-search.service.js';
import { actor, GUILD, HOST, MEMBER, ORGANIZER, setup } from './helpers.js';

/** Inserts approved spaces straight through the repo (registering 130 through the service would be slow). */
function seed(ctx: ReturnType<typeof setup>, rows: { name: string; description?: string; tags?: string[]; desks?: number }[]) {
  const repo = createDirectoryRepo(ctx.db);
  repo.transaction(() =>
    rows.forEach((row, i) =>
      repo.insert(
        {
          guildId: GUILD, name: row.name, nameKey: foldKey(row.name), city: 'Seattle', cityKey: 'seattle', placeId: null, region: null,
          country: 'US', latitude: 47.6, longitude: -122.3, desks: row.desks ?? 10, description: row.description ?? null,
          status: 'approved', createdBy: '1', createdAt: i, updatedAt: i, approvedAt: i,
        },
        row.tags ?? [],
        ['300000000000000001'],
      ),
    ),
  );
}

describe('paging', () => {
  it('fills a page from the name tier, then the description tier, in order', () => {
    const ctx = setup();
    seed(ctx, [
      ...Array.from({ length: 6 }, (_, i) => ({ name: `Desk ${i}`, description: 'a garden loft' })),
      ...Array.from({ length: 7 }, (_, i) => ({ name: `Garden ${i}` })),
    ]);
    const first = ctx.dir.search(GUILD, { text: 'garden' });
    expect(first.items.map((s) => s.name)).toEqual([...Array.from({ length: 7 }, (_, i) => `Garden ${i}`), 'Desk 0', 'Desk 1', 'Desk 2']);
    expect(first).toMatchObject({ total: 13, totalCapped: false, pageCount: 2 });
    const second = ctx.dir.searchPage(GUILD, first.searchId, 1);
    expect(second.items.map((s) => s.name)).toEqual(['Desk 3', 'Desk 4', 'Desk 5']);
    expect(second.total).toBe(13);
  });

  it('applies filters inside each tier', () => {
    const ctx = setup();
    seed(ctx, [
      ...Array.from({ length: 12 }, (_, i) => ({ name: `Garden ${i}`, tags: i % 2 ? ['quiet'] : [] })),
      ...Array.from({ length: 12 }, (_, i) => ({ name: `Desk ${i}`, description: 'garden', tags: i % 3 ? [] : ['quiet'], desks: 50 })),
    ]);
    const page = ctx.dir.search(GUILD, { text: 'garden', tag: 'quiet' });
    expect(page.items.map((s) => s.name)).toEqual(['Garden 1', 'Garden 3', 'Garden 5', 'Garden 7', 'Garden 9', 'Garden 11', 'Desk 0', 'Desk 3', 'Desk 6', 'Desk 9']);
    expect(page.total).toBe(10);
    expect(ctx.dir.search(GUILD, { text: 'garden', tag: 'quiet', minDesks: 20 }).items.map((s) => s.name)).toEqual(['Desk 0', 'Desk 3', 'Desk 6', 'Desk 9']);
  });

  it('counts up to the cap, says so, and still pages beyond it', () => {
    const ctx = setup();
    const count = LIMITS.countCap + 25;
    seed(ctx, Array.from({ length: count }, (_, i) => ({ name: `Loft ${String(i).padStart(3, '0')}` })));
    const first = ctx.dir.search(GUILD, { text: 'loft' });
    expect(first).toMatchObject({ total: LIMITS.countCap, totalCapped: true });
    let page = first;
    const seen: string[] = [];
    while (page.items.length) {
      seen.push(...page.items.map((s) => s.name));
      if (page.page + 1 >= page.pageCount) break;
      page = ctx.dir.searchPage(GUILD, first.searchId, page.page + 1);
    }
    expect(seen).toHaveLength(count);
    expect(new Set(seen).size).toBe(count);
    expect(page).toMatchObject({ totalCapped: false, total: count });
    expect(ctx.dir.search(GUILD, { tag: 'none-such', text: 'loft' }).suggestions.map((s) => t('en', s.key, s.values as MessageValues))).toEqual([`remove tag (${LIMITS.countCap}+ spaces match without it)`]);
  });

  it('shows the last page when a parked search is paged past its end', () => {
    const ctx = setup();
    seed(ctx, Array.from({ length: 15 }, (_, i) => ({ name: `Hub ${String(i).padStart(2, '0')}` })));
    const first = ctx.dir.search(GUILD, { text: 'hub' });
    const late = ctx.dir.searchPage(GUILD, first.searchId, 7);
    expect(late).toMatchObject({ page: 1, pageCount: 2, total: 15 });
    expect(late.items.map((s) => s.name)).toEqual(['Hub 10', 'Hub 11', 'Hub 12', 'Hub 13', 'Hub 14']);
  });
});

describe('text with city and tag filters', () => {
  it('finds exact cities and tags only, including names FTS tokenizes differently', () => {
    const ctx = setup();
    const organizer = actor(ORGANIZER, { organizer: true });
    const add = (name: string, city: string, country: string, tags: string) =>
      ctx.dir.approve(organizer, ctx.dir.register(organizer, { name, city, country, tags, description: 'coffee and desks' }).space.id);
    add('Jazz Desk', 'Kansas City', 'US', 'women-owned');
    add('City Loft', 'Kansas City', 'US', 'women-led,black-owned');
    add('Arctic Desk', 'Tromsø', 'NO', 'quiet');
    add('Kansas Corner', 'Seattle', 'US', 'women-owned');
    const names = (q: Parameters<typeof ctx.dir.search>[1]) => ctx.dir.search(GUILD, q).items.map((s) => s.name).sort();
    expect(names({ text: 'coffee', city: 'Kansas City' })).toEqual(['City Loft', 'Jazz Desk']);
    expect(names({ text: 'coffee', tag: 'women-owned' })).toEqual(['Jazz Desk', 'Kansas Corner']);
    expect(names({ text: 'coffee', city: 'Kansas City', tag: 'women-owned' })).toEqual(['Jazz Desk']);
    expect(names({ text: 'coffee', city: 'Tromsø' })).toEqual(['Arctic Desk']);
    expect(ctx.dir.search(GUILD, { text: 'coffee', city: 'Kansas City', tag: 'quiet' }).total).toBe(0);
  });
});

describe('parked searches per member', () => {
  it('a member keeps at most PARKED_PER_MEMBER parked searches; their oldest expire, others’ are untouched', () => {
    const ctx = setup();
    seed(ctx, [{ name: 'Loft' }]);
    const other = ctx.dir.search(GUILD, { text: 'loft' }, MEMBER);
    const ids = Array.from({ length: PARKED_PER_MEMBER + 5 }, (_, i) => ctx.dir.search(GUILD, { text: `loft ${i}` }, HOST).searchId);
    const near = ctx.dir.near(GUILD, { place: 'Seattle' }, HOST).searchId;
    const parkedBy = (userId: string) =>
      (ctx.sqlite.prepare("SELECT count(*) AS n FROM directory_stash WHERE user_id = ? AND kind IN ('search', 'near')").get(userId) as { n: number }).n;
    expect(parkedBy(HOST)).toBe(PARKED_PER_MEMBER);
    expect(() => ctx.dir.searchPage(GUILD, ids[0]!, 0)).toThrow(/expired/);
    expect(ctx.dir.searchPage(GUILD, ids.at(-1)!, 0).total).toBe(0);
    expect(ctx.dir.nearPage(GUILD, near, 0).searchId).toBe(near);
    expect(ctx.dir.searchPage(GUILD, other.searchId, 0).total).toBe(1);
    expect(parkedBy(MEMBER)).toBe(1);
  });

  it('a search parked 30 days ago is gone once anyone searches again, a newer one still pages', () => {
    const ctx = setup();
    seed(ctx, [{ name: 'Loft' }]);
    const old = ctx.dir.search(GUILD, { text: 'loft' }, MEMBER).searchId;
    ctx.clock.advance(29 * 24 * 3600_000);
    const recent = ctx.dir.search(GUILD, { text: 'loft' }, HOST).searchId;
    expect(ctx.dir.searchPage(GUILD, old, 0).total).toBe(1);
    ctx.clock.advance(2 * 24 * 3600_000);
    ctx.dir.search(GUILD, { text: 'lo' }, ORGANIZER);
    expect(() => ctx.dir.searchPage(GUILD, old, 0)).toThrow(/expired/);
    expect(ctx.dir.searchPage(GUILD, recent, 0).total).toBe(1);
  });
});
