// The directory's warm-up after READY: a gazetteer cache build that fails is a warning in the log, never an error that
// stops anything; one that works says how it went.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { Client } from 'discord.js';
import { afterAll, describe, expect, it } from 'vitest';
import type { BotContext } from '../../src/discord/command.js';
import { directoryWiring } from '../../src/discord/directory/wiring.js';
import { createPoster } from '../../src/discord/poster.js';
import { cachePathFor, openCacheDatabase } from '../../src/db/cache.js';
import { buildCacheApart } from '../../src/db/cache-build.js';
import { createDirectory } from '../../src/directory/directory.feature.js';
import { createServices } from '../../src/services.js';
import { manualClock } from '../../src/shared/clock.js';
import { createLogger } from '../../src/shared/logger.js';
import { freshDb } from '../support/db.js';
import { waitUntil } from '../support/bot.js';

describe('the directory after READY', () => {
  const client = new Client({ intents: [] });
  const dir = mkdtempSync(join(tmpdir(), 'alliance-wiring-'));
  const cache = openCacheDatabase(cachePathFor(join(dir, 'alliance.db')));
  const database = freshDb();
  afterAll(() => {
    cache.close();
    database.close();
    rmSync(dir, { recursive: true, force: true });
    return client.destroy();
  });

  it('logs a warning when the child building the gazetteer cache fails, and cities are still found', async () => {
    const clock = manualClock('2026-12-07T02:00:00Z');
    const services = createServices({ db: database.db, clock });
    const directory = createDirectory({
      db: database.db, cache, clock, alliances: services.alliances,
      buildApart: (_entry, path) => buildCacheApart(new URL('./no-such-build.ts', import.meta.url), path),
    });
    const lines: Record<string, unknown>[] = [];
    const logger = createLogger('info', new Writable({ write: (chunk, _e, done) => (lines.push(JSON.parse(String(chunk)) as Record<string, unknown>), done()) }));
    const ctx: BotContext = { services: { ...services, directory }, clock, logger, poster: createPoster(client), client };

    directoryWiring.afterReady!(ctx);
    await waitUntil(() => lines.length > 0, 30_000, 'the warm-up to log');
    expect(lines.map((line) => [line['level'], line['msg']])).toEqual([[40, 'gazetteer cache not built; the first city lookup builds it in the bot (about a second)']]);
    expect(lines[0]!['err']).toMatchObject({ message: expect.stringMatching(/no-such-build\.ts ended with code 1/) });
    expect(directory.placeAutocomplete('montre').map((choice) => choice.label)).toContain('Montréal, Quebec, Canada');
  }, 60_000);
});
