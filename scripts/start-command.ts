// The node flags and script an npm script starts the bot with (`node [flags] script`): the benchmark, the production
// smoke and a test read them from package.json, so each runs or checks the bot exactly as it ships.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The words after `node` in a command line (its flags, then the script); throws when it does not start with node. */
export function nodeArguments(command: string): string[] {
  const words = command.trim().split(/\s+/);
  if (!/(^|\/)node$/.test(words[0] ?? '') || words.length < 2) throw new Error(`not "node [flags] script": ${command}`);
  return words.slice(1);
}

/** The node flags and script of package.json's `name` script in `root`. */
export function npmStartArguments(root: string, name: 'start' | 'start:prod'): string[] {
  const scripts = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
  return nodeArguments(scripts[name] ?? '');
}
