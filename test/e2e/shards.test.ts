// Two bot processes, one shard each, on one database: each serves only its shard's alliances, and the monthly
// updates both schedulers see are posted once each (the job claim decides), whichever process runs them.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { startBot, type RunningBot } from '../../src/main.js';
import { manualClock } from '../../src/shared/clock.js';
import { silentLogger } from '../../src/shared/logger.js';
import { shardOf } from '../../src/testbed/gateway.js';
import { startTestBed, type GuildHandle, type TestBed } from '../../src/testbed/index.js';
import { visibleText } from '../support/bot.js';

let bed: TestBed;
const bots: RunningBot[] = [];
const clock = manualClock('2026-11-24T15:00:00Z');
const guilds: GuildHandle[] = [];

beforeAll(async () => {
  bed = await startTestBed({ shards: 2, now: () => clock.now().getTime() });
  // Guilds made in the same millisecond share a shard: make them until both shards hold at least two.
  while (guilds.length < 4 || [0, 1].some((n) => guilds.filter((g) => shardOf(g.id, 2) === n).length < 2)) {
    guilds.push(bed.createGuild({
      name: `Alliance ${guilds.length + 1}`, owner: 'olivia',
      channels: [{ name: 'organizers' }, { name: 'proposals' }, { name: 'meetings' }], roles: [{ name: 'Organizers' }],
    }));
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  const databasePath = join(mkdtempSync(join(tmpdir(), 'alliance-shards-')), 'alliance.db');
  for (const shard of ['0', '1']) {
    const config = loadConfig({
      DISCORD_TOKEN: bed.token, DISCORD_API_URL: bed.apiUrl, DATABASE_PATH: databasePath, LOG_LEVEL: 'silent', DISCORD_SHARDS: shard, DISCORD_SHARD_COUNT: '2',
    });
    bots.push(await startBot(config, { clock, logger: silentLogger, startScheduler: false }));
  }
}, 30_000);

afterAll(async () => {
  for (const bot of bots) await bot.stop();
  await bed?.close();
});

describe('two processes, one shard each, one database', () => {
  it('each process holds only the alliances of its shard, and members of every alliance are answered', async () => {
    for (const [n, bot] of bots.entries()) {
      expect([...bot.ctx.client.guilds.cache.keys()].sort()).toEqual(guilds.filter((g) => shardOf(g.id, 2) === n).map((g) => g.id).sort());
    }
    for (const guild of guilds) {
      const reply = await (await bed.driver.command({
        guildId: guild.id, channelId: guild.channel('general'), userId: guild.ownerId, name: 'alliance', subcommand: 'setup',
        options: {
          timezone: 'UTC', announcements: guild.channel('announcements'), 'organizers-channel': guild.channel('organizers'),
          'proposals-channel': guild.channel('proposals'), 'meetings-channel': guild.channel('meetings'), 'organizer-role': guild.role('Organizers'),
        },
      })).reply();
      expect(visibleText(reply)).not.toMatch(/went wrong/i);
    }
  });

  it('posts every alliance\'s monthly update once when both schedulers tick at the same time', async () => {
    await Promise.all(bots.map((bot) => bot.scheduler.tick()));
    clock.set('2026-12-01T10:00:00Z');
    await Promise.all([...bots.map((bot) => bot.scheduler.tick()), ...bots.map((bot) => bot.scheduler.tick())]);
    for (const guild of guilds) {
      const updates = bed.messages(guild.channel('announcements')).filter((m) => m.fromBot && visibleText(m).includes('Alliance update · December 2026'));
      expect(updates, `monthly update of ${guild.id}`).toHaveLength(1);
    }
    // Each process ran its own shard's jobs: none failed for a channel it could not see and waits for a retry.
    const monthly = guilds.flatMap((g) => bots[0]!.services.jobs.list(g.id, ['rhythm.monthly'])).filter((job) => job.key.endsWith('2026-12'));
    expect(monthly.map((job) => [job.status, job.attempts])).toEqual(guilds.map(() => ['done', 1]));
  });
});
