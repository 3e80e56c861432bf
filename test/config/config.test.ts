import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { budgetShare, ConfigError, loadConfig, schedulerShards, shardOptions } from '../../src/config.js';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../..');

describe('configuration', () => {
  it('accepts a minimal environment and fills the defaults', () => {
    const config = loadConfig({ DISCORD_TOKEN: 'abc.def.ghi' });
    expect(config).toMatchObject({ DATABASE_PATH: './data/alliance.db', LOG_LEVEL: 'info' });
    expect(config.DISCORD_GUILD_ID).toBeUndefined();
    expect(config.RATE_LIMIT).toBe(20);
  });

  it('reads RATE_LIMIT as interactions per member per 10 s (0 turns it off) and refuses anything else', () => {
    expect(loadConfig({ DISCORD_TOKEN: 't', RATE_LIMIT: '0' }).RATE_LIMIT).toBe(0);
    expect(loadConfig({ DISCORD_TOKEN: 't', RATE_LIMIT: '' }).RATE_LIMIT).toBe(20);
    for (const bad of ['fast', '-1', '2.5']) expect(() => loadConfig({ DISCORD_TOKEN: 't', RATE_LIMIT: bad })).toThrow(/RATE_LIMIT/);
  });

  it('starts no web server unless HTTP_PORT is set, and checks HTTP_PORT and PUBLIC_URL', () => {
    expect(loadConfig({ DISCORD_TOKEN: 'abc', HTTP_PORT: '' }).HTTP_PORT).toBeUndefined();
    expect(loadConfig({ DISCORD_TOKEN: 'abc', HTTP_PORT: '8080', PUBLIC_URL: 'https://alliance.example' })).toMatchObject({ HTTP_PORT: 8080, PUBLIC_URL: 'https://alliance.example' });
    expect(() => loadConfig({ DISCORD_TOKEN: 'abc', HTTP_PORT: '99999', PUBLIC_URL: 'alliance.example' })).toThrow(/HTTP_PORT must be a port number[\s\S]*PUBLIC_URL must be an http\(s\) URL/);
  });

  it('reports every bad variable at once without echoing the token', () => {
    try {
      loadConfig({ DISCORD_TOKEN: 'secret token', DISCORD_GUILD_ID: 'abc', DISCORD_API_URL: 'ftp://x', LOG_LEVEL: 'loud' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const message = (error as ConfigError).message;
      expect((error as ConfigError).problems).toHaveLength(4);
      for (const name of ['DISCORD_TOKEN', 'DISCORD_GUILD_ID', 'DISCORD_API_URL', 'LOG_LEVEL']) expect(message).toContain(name);
      expect(message).not.toContain('secret token');
    }
  });

  it('reads the shards of this process: none, auto, or a list of the total count; a bad one is named', () => {
    expect(shardOptions(loadConfig({ DISCORD_TOKEN: 't', DISCORD_SHARDS: '' }))).toEqual({});
    expect(shardOptions(loadConfig({ DISCORD_TOKEN: 't', DISCORD_SHARDS: 'auto' }))).toEqual({ shards: 'auto' });
    expect(shardOptions(loadConfig({ DISCORD_TOKEN: 't', DISCORD_SHARDS: '2,3', DISCORD_SHARD_COUNT: '4' }))).toEqual({ shards: [2, 3], shardCount: 4 });
    // A process serving 2 of 4 shards runs their jobs only and spends half of the bot's request budget.
    expect(schedulerShards(loadConfig({ DISCORD_TOKEN: 't', DISCORD_SHARDS: '2,3', DISCORD_SHARD_COUNT: '4' }))).toEqual({ shards: { ids: [2, 3], count: 4 } });
    expect(budgetShare(loadConfig({ DISCORD_TOKEN: 't', DISCORD_SHARDS: '2,3', DISCORD_SHARD_COUNT: '4' }))).toBe(0.5);
    expect(budgetShare(loadConfig({ DISCORD_TOKEN: 't', DISCORD_SHARDS: 'auto' }))).toBe(1);
    expect(schedulerShards(loadConfig({ DISCORD_TOKEN: 't', DISCORD_SHARDS: 'auto' }))).toEqual({});
    for (const [env, name] of [
      [{ DISCORD_SHARDS: '0,1' }, 'DISCORD_SHARD_COUNT is required'],
      [{ DISCORD_SHARDS: '0,4', DISCORD_SHARD_COUNT: '4' }, 'DISCORD_SHARDS must be shard ids below'],
      [{ DISCORD_SHARDS: 'half' }, "DISCORD_SHARDS must be 'auto'"],
      [{ DISCORD_SHARDS: '0', DISCORD_SHARD_COUNT: 'two' }, 'DISCORD_SHARD_COUNT must be a whole number'],
    ] as const) {
      expect(() => loadConfig({ DISCORD_TOKEN: 't', ...env })).toThrow(name);
    }
  });

  it('treats empty variables as unset (a copied .env.example works once the token is filled in)', () => {
    const config = loadConfig({ DISCORD_TOKEN: 't', DISCORD_GUILD_ID: '', DISCORD_API_URL: '', LOG_LEVEL: '' });
    expect(config.LOG_LEVEL).toBe('info');
    expect(config.DISCORD_API_URL).toBeUndefined();
  });

  it('a missing token stops the bot with exit code 1 and a clear message', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'alliance-config-'));
    const env = { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: 'verbose' };
    const result = await run(join(root, 'node_modules/.bin/tsx'), [join(root, 'src/main.ts')], { cwd, env }).catch((error: unknown) => error as { code: number; stderr: string; stdout: string });
    expect('code' in result && result.code).toBe(1);
    expect(result.stderr).toContain('DISCORD_TOKEN is required');
    expect(result.stderr).toContain('LOG_LEVEL must be one of');
    expect(result.stderr).not.toMatch(/at .*\.ts:\d+/);
  });
});
