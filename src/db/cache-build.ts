// Builds rebuildable data of the cache file (src/db/cache.ts) in a short-lived child process: the build's
// short-lived objects and buffers live and die there, and its memory goes back to the system when it exits, where
// glibc would keep what they leave in the bot's own process for good. The entry is a module that takes the cache
// file's path as its one argument, stores what it builds and exits (0 when done).
import { fork } from 'node:child_process';
import { createRequire } from 'node:module';
import { extname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Runs an entry module on a cache file apart from this process; resolves when it stored its data and exited. */
export type CacheBuilder = (entry: URL, cachePath: string) => Promise<void>;

/** How much of the child's error output a failure carries. */
const STDERR_TAIL = 2000;

/**
 * Forks the entry with plain node when it is compiled JavaScript; a TypeScript entry (from the sources, under tsx or
 * vitest) is loaded through tsx's loader, which a child does not otherwise inherit. The parent's node flags are not
 * passed on: the child needs none of them.
 */
export const buildCacheApart: CacheBuilder = (entry, cachePath) =>
  new Promise<void>((resolve, reject) => {
    const typescript = extname(fileURLToPath(entry)) === '.ts';
    const execArgv = typescript ? ['--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href] : [];
    const child = fork(fileURLToPath(entry), [cachePath], { execArgv, stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    let stderr = '';
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-STDERR_TAIL);
    });
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`the cache build ${fileURLToPath(entry)} ended with ${signal ?? `code ${code}`}${stderr ? `: ${stderr.trim()}` : ''}`));
    });
  });
