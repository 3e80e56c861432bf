// A measured process (the floor or the bot) started as plain Node: time to its ready line, memory on request
// (RSS from /proc/<pid>/status, heap from the probe over IPC after a full GC), and a clean stop.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { npmStartArguments } from '../scripts/start-command.js';
import { createInterface } from 'node:readline';
import { mb } from './stats.js';

export interface Memory {
  rssMB: number;
  /**
   * RSS split as /proc/<pid>/status does: anonymous memory (heap, malloc: SQLite's page cache, buffers) and
   * file-backed pages (the node binary's code and ICU data it touched, shared with every other node process).
   */
  rssAnonMB?: number;
  rssFileMB?: number;
  heapUsedMB: number;
  heapTotalMB: number;
  externalMB: number;
  /** V8 heap spaces: committed MB by space (what heapTotal is made of). */
  spacesMB: Record<string, number>;
}

export interface MeasuredProcess {
  pid: number;
  /** Process start (spawn) → ready line: wall ms, and the CPU ms the process used until then. */
  ready: Promise<{ ms: number; cpuMs: number }>;
  memory(): Promise<Memory>;
  /** Writes a V8 heap snapshot (after a full GC) to `path` (bench/heap-diff.ts compares two). */
  snapshot(path: string): Promise<string>;
  /** CPU time (user + system) the process has used so far, in ms: a cost that other load on the machine barely changes. */
  cpuMs(): number;
  stop(): Promise<void>;
  /** The last lines the process wrote (for error messages). */
  tail(): string;
  /**
   * Resolves at the first stdout line (since the start) that passes the test: process start → that line, wall and
   * CPU ms, as `ready`. Work the bot does after READY (reconciling open proposals) says it is done this way.
   */
  untilLine(test: (line: string) => boolean, timeoutMs?: number): Promise<{ ms: number; cpuMs: number }>;
}

export interface StartOptions {
  name: string;
  script: string;
  args?: string[];
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** True for the line that says the process is ready. */
  isReady(line: string): boolean;
  /** Extra node flags, e.g. --cpu-prof. */
  nodeFlags?: string[];
  readyTimeoutMs?: number;
}

const PROBE = join(import.meta.dirname, 'probe.cjs');

/** The bot's line once every open proposal has been reconciled after READY (src/discord/proposals/reconcile.ts). */
export const RECONCILED = (line: string): boolean => line.includes('"msg":"open proposals reconciled"');
/** The line that says a first start's gazetteer cache is built (by a child process of the bot) or failed to be. */
export const GAZETTEER_CACHED = (line: string): boolean => /"msg":"gazetteer cache (not )?built/.test(line);
const ROOT = join(import.meta.dirname, '..');

/**
 * The node flags and script of `npm start` (package.json): every probe runs the compiled bot exactly as users
 * start it (`dist/`, the start script's V8 flags).
 */
export function startCommand(): { flags: string[]; script: string } {
  const words = npmStartArguments(ROOT, 'start');
  return { flags: words.slice(0, -1), script: join(ROOT, words[words.length - 1]!) };
}

const TICK_MS = 10; // USER_HZ is 100 on Linux

function cpuMsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
}

/** CPU ms, or NaN once the process is gone (its last lines can arrive after it exited). */
function cpuMsOrNaN(pid: number): number {
  try {
    return cpuMsOf(pid);
  } catch {
    return Number.NaN;
  }
}

/**
 * The CPU ms the process reports on its ready line (the bot logs `cpuMs`, read with process.cpuUsage() as it logs):
 * /proc read when this process gets round to the line also counts what the child did meanwhile, on a busy machine
 * up to seconds of work after READY. Null for a line without it (the floor).
 */
function ownCpuMs(line: string): number | null {
  if (!line.startsWith('{')) return null;
  try {
    const cpuMs = (JSON.parse(line) as { cpuMs?: unknown }).cpuMs;
    return typeof cpuMs === 'number' ? cpuMs : null;
  } catch {
    return null;
  }
}

function rssBytes(pid: number): { rss: number; anon: number; file: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+)\\s+kB`).exec(status)?.[1] ?? Number.NaN) * 1024;
  const rss = field('VmRSS');
  if (!Number.isFinite(rss)) throw new Error(`No VmRSS for pid ${pid}`);
  return { rss, anon: field('RssAnon'), file: field('RssFile') + field('RssShmem') };
}

export function startProcess(options: StartOptions): MeasuredProcess {
  const startedAt = process.hrtime.bigint();
  const child: ChildProcess = spawn(
    process.execPath,
    ['--expose-gc', '--require', PROBE, ...(options.nodeFlags ?? []), options.script, ...(options.args ?? [])],
    { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] },
  );
  const lines: string[] = [];
  const keep = (line: string) => {
    lines.push(line);
    if (lines.length > 40) lines.shift();
  };
  let exited = false;
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => {
    exited = true;
    resolve(code);
  }));
  const tail = () => lines.join('\n');
  // Every stdout line since the start, each with its arrival (ms since spawn, child CPU ms), for untilLine.
  const seen: { line: string; ms: number; cpuMs: number }[] = [];
  const waiting = new Set<(entry: (typeof seen)[number]) => void>();

  const ready = new Promise<{ ms: number; cpuMs: number }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${options.name} was not ready within ${options.readyTimeoutMs ?? 30_000} ms:\n${tail()}`)), options.readyTimeoutMs ?? 30_000);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      keep(line);
      if (seen.length < 200_000) {
        const entry = { line, ms: Number(process.hrtime.bigint() - startedAt) / 1e6, cpuMs: cpuMsOrNaN(child.pid!) };
        seen.push(entry);
        for (const notify of waiting) notify(entry);
      }
      if (options.isReady(line)) {
        clearTimeout(timer);
        resolve({ ms: Number(process.hrtime.bigint() - startedAt) / 1e6, cpuMs: ownCpuMs(line) ?? cpuMsOf(child.pid!) });
      }
    });
    createInterface({ input: child.stderr! }).on('line', keep);
    void exit.then((code) => {
      clearTimeout(timer);
      reject(new Error(`${options.name} exited (code ${code}) before it was ready:\n${tail()}`));
    });
  });
  ready.catch(() => undefined);

  let nextId = 0;
  return {
    pid: child.pid!,
    ready,
    tail,
    cpuMs: () => cpuMsOf(child.pid!),
    untilLine(test, timeoutMs = 10 * 60_000) {
      const found = seen.find((entry) => test(entry.line));
      if (found) return Promise.resolve({ ms: found.ms, cpuMs: found.cpuMs });
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiting.delete(notify);
          reject(new Error(`${options.name} did not log the awaited line within ${timeoutMs} ms:\n${tail()}`));
        }, timeoutMs);
        const notify = (entry: (typeof seen)[number]) => {
          if (!test(entry.line)) return;
          clearTimeout(timer);
          waiting.delete(notify);
          resolve({ ms: entry.ms, cpuMs: entry.cpuMs });
        };
        waiting.add(notify);
      });
    },
    memory() {
      const id = ++nextId;
      return new Promise<Memory>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${options.name} did not answer the memory probe`)), 10_000);
        const onMessage = (message: { type?: string; id?: number; usage?: NodeJS.MemoryUsage; spaces?: { name: string; size: number }[] }) => {
          if (message?.type !== 'bench:memory' || message.id !== id || !message.usage) return;
          clearTimeout(timer);
          child.off('message', onMessage);
          const usage = message.usage;
          const rss = rssBytes(child.pid!);
          resolve({ rssMB: mb(rss.rss), rssAnonMB: mb(rss.anon), rssFileMB: mb(rss.file), heapUsedMB: mb(usage.heapUsed), heapTotalMB: mb(usage.heapTotal), externalMB: mb(usage.external),
            spacesMB: Object.fromEntries((message.spaces ?? []).map((space) => [space.name, Math.round(mb(space.size) * 10) / 10])),
          });
        };
        child.on('message', onMessage);
        child.send({ type: 'bench:memory', id });
      });
    },
    snapshot(path) {
      const id = ++nextId;
      return new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${options.name} did not write a heap snapshot`)), 120_000);
        const onMessage = (message: { type?: string; id?: number; path?: string }) => {
          if (message?.type !== 'bench:snapshot' || message.id !== id || !message.path) return;
          clearTimeout(timer);
          child.off('message', onMessage);
          resolve(message.path);
        };
        child.on('message', onMessage);
        child.send({ type: 'bench:snapshot', id, path });
      });
    },
    async stop() {
      if (exited) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exit;
      clearTimeout(timer);
    },
  };
}
