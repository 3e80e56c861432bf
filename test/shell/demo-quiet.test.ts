// The demo alliance starts quiet: its sample data is the alliance's past, so no burst of match notices, suggestions
// or other posts follows a few minutes after the shell starts (only the sample proposal is posted for voting).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { startBot, type RunningBot } from '../../src/main.js';
import { createDemoAlliance, DEMO, DEMO_CHANNELS, seedDemoData } from '../../src/shell/demo/demo-alliance.js';
import { MINUTE, manualClock } from '../../src/shared/clock.js';
import { silentLogger } from '../../src/shared/logger.js';
import { startTestBed } from '../../src/testbed/index.js';
import type { TestBed } from '../../src/testbed/types.js';

let bed: TestBed | null = null;
let bot: RunningBot | null = null;
afterAll(async () => {
  await bot?.stop();
  await bed?.close();
});

describe('the demo alliance', () => {
  it('posts nothing but the sample proposal in the minutes after start', async () => {
    bed = await startTestBed();
    const guild = createDemoAlliance(bed);
    const clock = manualClock(Date.now());
    const databasePath = join(mkdtempSync(join(tmpdir(), 'alliance-demo-')), 'alliance.db');
    const config = loadConfig({ DISCORD_TOKEN: bed.token, DISCORD_API_URL: bed.apiUrl, DATABASE_PATH: databasePath, LOG_LEVEL: 'silent' });
    bot = await startBot(config, { clock, logger: silentLogger, startScheduler: false, wakeOnDueJobs: true });
    await seedDemoData(bot, guild);
    for (let minute = 1; minute <= 3; minute++) {
      clock.advance(MINUTE);
      await bot.scheduler.tick();
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    const posts = DEMO_CHANNELS.flatMap((name) => bed!.messages(guild.channel(name)).filter((m) => m.fromBot).map((m) => `#${name}`));
    const dms = DEMO.members.flatMap((name) => {
      const channel = bed!.dmChannel(guild.member(name));
      return channel ? bed!.messages(channel.id).map((m) => `DM ${name}: ${m.content}`) : [];
    });
    expect(dms).toEqual([]);
    expect(posts).toEqual(['#proposals']);
  }, 30_000);
});
