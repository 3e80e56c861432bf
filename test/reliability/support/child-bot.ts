// The bot as a real child process (`node --import tsx src/main.ts`) against a test bed in the test's process:
// what crash, backup and start-up tests kill with SIGKILL and start again on the same database file.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { TestBed } from '../../../src/testbed/types.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface ChildBot {
  process: ChildProcess;
  /** Resolves when the bot logged "Alliance bot is ready"; rejects if it exits first. */
  ready: Promise<void>;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  stdout(): string;
  stderr(): string;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** `entry`: a compiled main.js (see build.ts); default the TypeScript sources under tsx. */
export function spawnBot(bed: TestBed, databasePath: string, options: { env?: Record<string, string>; entry?: string } = {}): ChildBot {
  const child = spawn(process.execPath, options.entry ? [options.entry] : ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env['PATH'] ?? '',
      HOME: process.env['HOME'] ?? '',
      DISCORD_TOKEN: bed.token,
      DISCORD_API_URL: bed.apiUrl,
      DATABASE_PATH: databasePath,
      LOG_LEVEL: 'info',
      // The crash test's members act as fast as the driver can: the rate limit would refuse most of it.
      RATE_LIMIT: '0',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  let onReady: () => void = () => {};
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const ready = new Promise<void>((resolve, reject) => {
    onReady = resolve;
    void exited.then((code) => reject(new Error(`bot exited (${code}) before it was ready:\n${err.slice(-2000)}${out.slice(-2000)}`)));
  });
  ready.catch(() => {});
  child.stdout!.on('data', (chunk: Buffer) => {
    out += chunk.toString('utf8');
    if (out.includes('Alliance bot is ready')) onReady();
  });
  child.stderr!.on('data', (chunk: Buffer) => {
    err += chunk.toString('utf8');
  });
  return {
    process: child,
    ready,
    exited,
    stdout: () => out,
    stderr: () => err,
    async kill(signal = 'SIGKILL') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}

/** Lines of the bot's JSON log at level ≥ error (pino: 50 error, 60 fatal). */
export function errorLogs(bot: ChildBot): string[] {
  return bot
    .stdout()
    .split('\n')
    .filter((line) => /"level":(50|60)/.test(line));
}
