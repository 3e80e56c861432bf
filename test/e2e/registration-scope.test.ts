// Switching command registration between one server (DISCORD_GUILD_ID) and global clears the old scope, so no
// server sees every command twice; a scope this bot never registered to is left alone.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { staleTarget } from '../../src/discord/registration.js';
import { startBot } from '../../src/main.js';
import { silentLogger } from '../../src/shared/logger.js';
import { startTestBed } from '../../src/testbed/index.js';
import type { TestBed } from '../../src/testbed/types.js';

let bed: TestBed | undefined;
afterEach(async () => {
  await bed?.close();
  bed = undefined;
});

async function runOnce(testBed: TestBed, databasePath: string, guildId: string | undefined): Promise<void> {
  const config = loadConfig({ DISCORD_TOKEN: testBed.token, DISCORD_API_URL: testBed.apiUrl, DATABASE_PATH: databasePath, DISCORD_GUILD_ID: guildId ?? '', LOG_LEVEL: 'silent' });
  const bot = await startBot(config, { logger: silentLogger, startScheduler: false });
  await bot.stop();
}

describe('switching where commands are registered', () => {
  it('from one server to global clears that server\'s commands', async () => {
    bed = await startTestBed();
    const guild = bed.createGuild({ name: 'Dev server', owner: 'olivia' });
    const databasePath = join(mkdtempSync(join(tmpdir(), 'alliance-scope-')), 'alliance.db');
    await runOnce(bed, databasePath, guild.id);
    expect(bed.commands(guild.id).length).toBeGreaterThan(0);
    expect(bed.commands()).toEqual([]);

    await runOnce(bed, databasePath, undefined);
    expect(bed.commands().map((c) => c['name'])).toContain('alliance');
    expect(bed.commands(guild.id)).toEqual([]);
  });

  it('from global to one server clears the global commands', async () => {
    bed = await startTestBed();
    const guild = bed.createGuild({ name: 'Dev server', owner: 'olivia' });
    const databasePath = join(mkdtempSync(join(tmpdir(), 'alliance-scope-')), 'alliance.db');
    await runOnce(bed, databasePath, undefined);
    expect(bed.commands().length).toBeGreaterThan(0);

    await runOnce(bed, databasePath, guild.id);
    expect(bed.commands(guild.id).map((c) => c['name'])).toContain('alliance');
    expect(bed.commands()).toEqual([]);
  });
});

describe('which scope is stale', () => {
  it.each([
    [null, '1:global', null],
    ['1:global', '1:global', null],
    ['1:guild:22', '1:global', { applicationId: '1', guildId: '22' }],
    ['1:global', '1:guild:22', { applicationId: '1', guildId: undefined }],
    ['1:guild:22', '1:guild:33', { applicationId: '1', guildId: '22' }],
    // Another application's commands are not this bot's to clear.
    ['9:global', '1:guild:22', null],
    ['garbage', '1:global', null],
  ])('previous %s, now %s → %o', (previous, current, expected) => {
    expect(staleTarget(previous, current)).toEqual(expected);
  });
});
