// The backup settings in the environment: defaults, and bad values named without echoing anything secret.
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

describe('backup configuration', () => {
  it('defaults to no BACKUP_DIR, keeping 14, at 03:00', () => {
    for (const env of [{ DISCORD_TOKEN: 't' }, { DISCORD_TOKEN: 't', BACKUP_DIR: '', BACKUP_KEEP: '', BACKUP_AT: '' }]) {
      const config = loadConfig(env);
      expect([config.BACKUP_DIR, config.BACKUP_KEEP, config.BACKUP_AT]).toEqual([undefined, 14, '03:00']);
    }
  });

  it('reads a folder, a count and a time of day', () => {
    expect(loadConfig({ DISCORD_TOKEN: 't', BACKUP_DIR: './data/backups', BACKUP_KEEP: '7', BACKUP_AT: '23:45' })).toMatchObject({
      BACKUP_DIR: './data/backups', BACKUP_KEEP: 7, BACKUP_AT: '23:45',
    });
  });

  it('names each bad backup setting at once', () => {
    try {
      loadConfig({ DISCORD_TOKEN: 't', BACKUP_KEEP: '0', BACKUP_AT: '3am' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems.join('\n');
      expect(problems).toContain('BACKUP_KEEP must be at least 1');
      expect(problems).toContain('BACKUP_AT must be a time of day as HH:MM');
    }
    expect(() => loadConfig({ DISCORD_TOKEN: 't', BACKUP_KEEP: 'lots' })).toThrow(/BACKUP_KEEP must be a whole number/);
    expect(() => loadConfig({ DISCORD_TOKEN: 't', BACKUP_AT: '24:00' })).toThrow(/BACKUP_AT/);
  });
});
