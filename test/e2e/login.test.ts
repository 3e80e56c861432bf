// What the bot says when Discord refuses it: a missing privileged intent, a bad token.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { startBot } from '../../src/main.js';
import { silentLogger } from '../../src/shared/logger.js';
import { startTestBed } from '../../src/testbed/index.js';
import type { TestBed } from '../../src/testbed/types.js';

let bed: TestBed | undefined;
afterEach(async () => {
  await bed?.close();
  bed = undefined;
});

function configFor(testBed: TestBed, token = testBed.token) {
  const databasePath = join(mkdtempSync(join(tmpdir(), 'alliance-login-')), 'alliance.db');
  return loadConfig({ DISCORD_TOKEN: token, DISCORD_API_URL: testBed.apiUrl, DATABASE_PATH: databasePath, LOG_LEVEL: 'silent' });
}

describe('when Discord refuses the bot', () => {
  it('says plainly to turn on the Server Members intent when the application has not enabled it', async () => {
    bed = await startTestBed({ privilegedIntents: [] });
    await expect(startBot(configFor(bed), { logger: silentLogger, startScheduler: false })).rejects.toThrow(/Server Members Intent/);
  });

  it('says the token was refused, without printing it', async () => {
    bed = await startTestBed();
    const error = await startBot(configFor(bed, 'not-the-token'), { logger: silentLogger, startScheduler: false }).then(
      () => new Error('the bot started with a wrong token'),
      (e: unknown) => e as Error,
    );
    expect(error.message).toMatch(/refused the token \(DISCORD_TOKEN\)/);
    expect(error.message).not.toContain('not-the-token');
  });
});
