// The public page's reads prepare no statement anew once they have run: its thread serves every request from its
// own read-only connection, through queries prepared once in their repos (or once per shape of a search). Each page
// is asked once to warm up, then twice more with other values of the same shape, watched on that connection.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSpaces } from '../../bench/seed/directory.js';
import { openDatabase, openReadOnlyDatabase, type OpenDatabase } from '../../src/db/open.js';
import { createServices } from '../../src/services.js';
import { manualClock } from '../../src/shared/clock.js';
import { silentLogger } from '../../src/shared/logger.js';
import { createWebApp, type WebApp } from '../../src/web/app.js';
import { checkHealth } from '../../src/web/health.js';
import { watchPrepares } from '../support/prepares.js';

const GUILD = '100000000000000001';
let writer: OpenDatabase;
let reader: OpenDatabase;
let app: WebApp;
let spaceIds: number[];
let feedToken: string;

beforeAll(() => {
  const path = join(mkdtempSync(join(tmpdir(), 'alliance-web-hot-')), 'alliance.db');
  const clock = manualClock('2026-11-24T15:00:00Z');
  writer = openDatabase(path);
  const bot = createServices({ db: writer.db, clock });
  bot.alliances.update({ guildId: GUILD, userId: '1', isOrganizer: true, roleIds: [] }, { publicPage: true, publicSlug: 'harbour' });
  feedToken = bot.calendar.feedToken({ guildId: GUILD, userId: '2', isOrganizer: false, roleIds: [] }).token;
  writeSpaces(writer.sqlite, GUILD, 0, 300, ['1', '2']);
  writer.sqlite.prepare('UPDATE spaces SET public_listing = 1 WHERE guild_id = ?').run(GUILD);
  bot.directory.warmUp();
  spaceIds = (writer.sqlite.prepare('SELECT id FROM spaces WHERE guild_id = ? ORDER BY id LIMIT 3').all(GUILD) as { id: number }[]).map((row) => row.id);
  // As the page's thread opens it (src/web/worker.ts): its own read-only connection and services, the data version.
  reader = openReadOnlyDatabase(path);
  const dataVersion = reader.sqlite.prepare('PRAGMA data_version').pluck();
  const web = createServices({ db: reader.db, clock });
  app = createWebApp({
    services: web, clock, logger: silentLogger, publicUrl: 'http://localhost',
    health: () => checkHealth({ database: () => true, gateway: () => true, lastTickAt: () => clock.now().getTime(), now: () => clock.now().getTime() }),
    dataVersion: () => dataVersion.get() as number,
    rateLimit: { limit: 10_000, windowMs: 10_000 },
  });
});
afterAll(() => {
  reader?.close();
  writer?.close();
});

/** Each page with the values of a round (0 warms up). */
const pages: Record<string, (round: number) => string> = {
  'the directory': () => '/a/harbour/',
  'a search by words': (round) => `/a/harbour/?q=${['garden', 'quiet', 'coffee'][round]}`,
  // Words of one shape (the seed writes each only in descriptions), so the same relevance tiers run: a tier whose
  // words never occur in its columns is skipped, and skipping one prepares nothing (another shape).
  'a search by words and filters': (round) => `/a/harbour/?q=${['kitchen', 'coffee', 'terrace'][round]}&country=US&min-desks=${2 + round}`,
  'a filtered page without words': (round) => `/a/harbour/?country=US&min-desks=${2 + round}&page=2`,
  'a space': (round) => `/a/harbour/spaces/${spaceIds[round]}`,
  'the map': () => '/a/harbour/map',
  'spaces.json': () => '/a/harbour/spaces.json',
  'the calendar feed': () => '/a/harbour/events.ics',
  'the updates': () => '/a/harbour/updates',
  'the updates feed': () => '/a/harbour/updates.atom',
  'a member’s calendar feed': () => `/calendar/${feedToken}.ics`,
};

describe('the public page’s hot paths', () => {
  for (const [name, url] of Object.entries(pages)) {
    it(`${name} prepares no statement anew once it has been asked`, async () => {
      expect((await app.request(url(0))).status).toBeLessThan(400);
      const prepares = watchPrepares(reader.sqlite);
      try {
        for (const round of [1, 2]) {
          expect((await app.request(url(round))).status).toBeLessThan(400);
          expect(prepares.take(), `round ${round}`).toEqual([]);
        }
      } finally {
        prepares.stop();
      }
    });
  }
});
