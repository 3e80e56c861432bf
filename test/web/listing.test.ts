// spaces.json rebuilt from the kept listing: only spaces that changed are read again, and the result is exactly the
// whole listing serialized at once; withdrawn spaces leave, a new page address rewrites every link.
import { describe, expect, it } from 'vitest';
import type { PublicSpace } from '../../src/directory/directory-public.rules.js';
import { createListingCache } from '../../src/web/listing.js';
import { actor, GUILD, HOST, montreal, ORGANIZER, seattle, setup } from '../domain/directory/helpers.js';

const host = actor(HOST);
const organizer = actor(ORGANIZER, { organizer: true });

/** spaces.json as one JSON.stringify of the whole listing would write it (docs/public-page.md, version 1). */
function wholeAtOnce(spaces: PublicSpace[], pageUrl: string, now: number): string {
  return JSON.stringify({
    version: 1,
    alliance: { slug: 'harbour', url: `${pageUrl}/` },
    generatedAt: new Date(now).toISOString(),
    spaces: spaces.map((s) => ({
      id: s.id, url: `${pageUrl}/spaces/${s.path}`, name: s.name, city: s.city, region: s.region, country: s.country, countryName: s.countryName,
      latitude: s.latitude, longitude: s.longitude, desks: s.desks, website: s.website, dayPass: s.dayPass, booking: s.booking, hours: s.hours,
      accessibility: s.accessibility, description: s.description, tags: s.tags, updatedAt: s.updatedAt === null ? null : new Date(s.updatedAt).toISOString(),
    })),
  });
}

function world() {
  const s = setup();
  s.alliances.update(organizer, { directoryApproval: false });
  const ids = [seattle, montreal, { ...seattle, name: 'Harbour Hall' }].map((profile) => s.dir.register(host, profile).space.id);
  for (const id of ids) s.dir.publicPage.setConsent(host, id, { listed: true });
  // What the cache asks the service to read in full, call by call, and how often it read the whole order.
  const reads: number[][] = [];
  const orders = { read: 0 };
  const publicPage = {
    listing(guildId: string) {
      orders.read += 1;
      return s.dir.publicPage.listing(guildId);
    },
    changesSince: s.dir.publicPage.changesSince,
    spacesByIds(guildId: string, wanted: readonly number[]) {
      reads.push([...wanted]);
      return s.dir.publicPage.spacesByIds(guildId, wanted);
    },
  };
  return { s, ids, reads, orders, listing: createListingCache(publicPage) };
}

const text = (body: Uint8Array) => Buffer.from(body).toString('utf8');
const options = (now: number, pageUrl = 'https://alliance.example/a/harbour') => ({ slug: 'harbour', pageUrl, now });

describe('spaces.json from the kept listing', () => {
  it('reads again only the space that changed, and writes what a whole build would', () => {
    const { s, ids, reads, orders, listing } = world();
    const first = listing.json(GUILD, options(1));
    expect(text(first.body)).toBe(wholeAtOnce(s.dir.publicPage.spaces(GUILD), 'https://alliance.example/a/harbour', 1));
    expect(reads).toEqual([expect.arrayContaining(ids)]);
    s.clock.advance(60_000);
    s.dir.edit(host, ids[1]!, { desks: 30 });
    const second = listing.json(GUILD, options(1));
    expect(reads[1]).toEqual([ids[1]]);
    // Found from the index on the last change: the whole order was read once, for the first build only.
    expect(orders.read).toBe(1);
    expect(text(second.body)).toBe(wholeAtOnce(s.dir.publicPage.spaces(GUILD), 'https://alliance.example/a/harbour', 1));
    expect(text(second.body)).toContain('"desks":30');
    expect(second.etag).not.toBe(first.etag);
  });

  it('moves a renamed space to its new place and puts a new one where its name sorts', () => {
    const { s, ids, orders, listing } = world();
    listing.json(GUILD, options(1));
    s.clock.advance(60_000);
    s.dir.edit(host, ids[0]!, { name: 'Zephyr Works' });
    const added = s.dir.register(host, { ...montreal, name: 'Atelier Nord' }).space.id;
    s.dir.publicPage.setConsent(host, added, { listed: true });
    const body = text(listing.json(GUILD, options(1)).body);
    expect((JSON.parse(body) as { spaces: { name: string }[] }).spaces.map((space) => space.name)).toEqual(['Atelier Nord', 'Café Collectif', 'Harbour Hall', 'Zephyr Works']);
    expect(body).toBe(wholeAtOnce(s.dir.publicPage.spaces(GUILD), 'https://alliance.example/a/harbour', 1));
    expect(orders.read).toBe(1);
  });

  it('keeps the same ETag while nothing changed, and drops a withdrawn space', () => {
    const { s, ids, listing } = world();
    const first = listing.json(GUILD, options(1));
    expect(listing.json(GUILD, options(1)).etag).toBe(first.etag);
    s.dir.publicPage.setConsent(host, ids[0]!, { listed: false });
    const after = listing.json(GUILD, options(1));
    expect((JSON.parse(text(after.body)) as { spaces: { id: number }[] }).spaces.map((space) => space.id)).not.toContain(ids[0]);
    expect(text(after.body)).toBe(wholeAtOnce(s.dir.publicPage.spaces(GUILD), 'https://alliance.example/a/harbour', 1));
  });

  it('rewrites every link when the page’s address changes', () => {
    const { s, listing } = world();
    listing.json(GUILD, options(1));
    const moved = listing.json(GUILD, options(2, 'https://alliance.example/a/river'));
    expect(text(moved.body)).toBe(wholeAtOnce(s.dir.publicPage.spaces(GUILD), 'https://alliance.example/a/river', 2));
    expect(text(moved.body)).not.toContain('/a/harbour/spaces/');
  });
});
