// Finds the modules a folder holds the way the discord.js guide's command handler does (read the folder, import each
// file), but checked: each file found exports exactly one value of the expected shape, named like its file or folder,
// or start-up stops with every fault listed, each naming its file. commands/index.ts finds the slash commands with it,
// src/discord/features.ts the feature wirings: a new feature adds its files and no line to a central list.
import { existsSync, readdirSync } from 'node:fs';
import { extname, isAbsolute, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { z } from 'zod';

/** A module that breaks the rule of its folder: thrown while the bot's modules load, so nothing starts. */
export class DiscoveryError extends Error {
  override name = 'DiscoveryError';
}

export interface DiscoverOptions<T> {
  /** Set: each `<name>/<inFolders>.<ext>` under the folder (`wiring`). Unset: each `<name>.<ext>` file in it. */
  inFolders?: string;
  /** Names left out besides `index` (the list's own module), e.g. `help`, which lists the others and is made by hand. */
  skip?: readonly string[];
  /** What one is called in messages: `command module`, `feature wiring`. */
  what: string;
  /** The shape one must have (built once: zod compiles an object schema on its first use). */
  shape: z.ZodType<T>;
  /** Its name, which must be its file's (or folder's). */
  nameOf(found: T): string;
  /** Its place in the list: lower first, ties by name. */
  order(found: T): number;
}

/** A function of the type the contract says, for a shape (its parameters cannot be checked at run time). */
export function aFunction<F>() {
  return z.custom<F>((value) => typeof value === 'function', { error: 'must be a function' });
}

/** Compiled maps, declarations and tests are never modules of the list, nor hidden files (editor swap files). */
function isCandidateFile(file: string, extension: string): boolean {
  return file.endsWith(extension) && !file.startsWith('.') && !file.endsWith(`.d${extension}`) && !/\.(test|spec)\.[cm]?[jt]s$/.test(file);
}

/** Names by code unit, the same on every machine (no locale). */
const inCodeOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** `<name, path>` for every module the folder holds, by name. */
function candidates(folder: string, extension: string, options: Pick<DiscoverOptions<unknown>, 'inFolders' | 'skip'>): [string, string][] {
  const skipped = new Set(['index', ...(options.skip ?? [])]);
  const entries = readdirSync(folder, { withFileTypes: true }).filter((entry) => !entry.name.startsWith('.'));
  const found: [string, string][] = options.inFolders === undefined
    ? entries.filter((entry) => entry.isFile() && isCandidateFile(entry.name, extension)).map((entry) => [entry.name.slice(0, -extension.length), join(folder, entry.name)])
    : entries.filter((entry) => entry.isDirectory()).map((entry): [string, string] => [entry.name, join(folder, entry.name, `${options.inFolders}${extension}`)]).filter(([, path]) => existsSync(path));
  return found.filter(([name]) => !skipped.has(name)).sort(([a], [b]) => inCodeOrder(a, b));
}

/** The path as a reader finds it: from the working directory when the file is under it (`commands/space.ts`). */
function shown(path: string): string {
  const fromHere = relative(process.cwd(), path);
  return fromHere.startsWith('..') || isAbsolute(fromHere) ? path : fromHere.split('\\').join('/');
}

function place(options: Pick<DiscoverOptions<unknown>, 'inFolders'>): string {
  return options.inFolders === undefined ? 'file' : 'folder';
}

function issuesOf(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.length ? `${issue.path.join('.')}: ` : ''}${issue.message}`).join('; ');
}

/** Checks a value against `shape` and hands back the value itself, not zod's copy: the list holds the module's export. */
function itself<T>(shape: z.ZodType<T>): z.ZodType<T> {
  return z.custom<T>().superRefine((value, ctx) => {
    const checked = shape.safeParse(value);
    if (!checked.success) for (const issue of checked.error.issues) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
  });
}

/** The one export of `exports` with the shape, or what is wrong with the file. */
function theOne<T>(exports: Record<string, unknown>, name: string, schema: z.ZodType<T>, options: DiscoverOptions<T>): { found: T } | { problems: string[] } {
  const found: T[] = [];
  const problems: string[] = [];
  // Functions and plain values beside it are helpers (a wiring's reconcileAll): only objects claim to be the module.
  const objects = Object.entries(exports).filter(([, value]) => typeof value === 'object' && value !== null && !Array.isArray(value));
  for (const [exportName, value] of objects) {
    const checked = schema.safeParse(value);
    if (!checked.success) problems.push(`export "${exportName}" is not a ${options.what}: ${issuesOf(checked.error)}`);
    else if (options.nameOf(checked.data) !== name) problems.push(`export "${exportName}" is named "${options.nameOf(checked.data)}": it must be "${name}", like its ${place(options)}`);
    else found.push(checked.data);
  }
  if (problems.length > 0) return { problems };
  if (found.length === 1) return { found: found[0]! };
  return { problems: [found.length === 0 ? `exports no ${options.what}` : `exports ${found.length} ${options.what}s (${objects.map(([n]) => n).join(', ')}): one file, one ${options.what}`] };
}

/**
 * Every module in the folder of the module that asks (its `import.meta.url`), with that module's extension: `.ts`
 * under tsx and vitest, `.js` in the compiled bot (dist/). Checked and in order; see discoverIn.
 */
export function discover<T>(moduleUrl: string, options: DiscoverOptions<T>): Promise<T[]> {
  return discoverIn(fileURLToPath(new URL('.', moduleUrl)), extname(fileURLToPath(moduleUrl)), options);
}

/**
 * Every `<name><extension>` module the folder holds (or `<name>/<inFolders><extension>`), checked and in order. Throws
 * a DiscoveryError naming each file at fault, all of them at once; a file that fails to load is one, its error the cause.
 */
export async function discoverIn<T>(folder: string, extension: string, options: DiscoverOptions<T>): Promise<T[]> {
  const files = candidates(folder, extension, options);
  // All at once, as a list's static imports would load (measured: one by one, or the first alone, saves nothing).
  const loaded = await Promise.allSettled(files.map(([, path]) => import(/* @vite-ignore */ pathToFileURL(path).href).then((exports: Record<string, unknown>) => exports)));
  const schema = itself(options.shape);
  const found: { name: string; module: T }[] = [];
  const problems: string[] = [];
  let cause: unknown;
  for (const [i, [name, path]] of files.entries()) {
    const outcome = loaded[i]!;
    if (outcome.status === 'rejected') {
      cause ??= outcome.reason;
      problems.push(`${shown(path)}: could not be loaded: ${outcome.reason instanceof Error ? outcome.reason.message : String(outcome.reason)}`);
      continue;
    }
    const one = theOne(outcome.value, name, schema, options);
    if ('found' in one) found.push({ name, module: one.found });
    else problems.push(...one.problems.map((problem) => `${shown(path)}: ${problem}`));
  }
  if (problems.length > 0) {
    throw new DiscoveryError(`Alliance bot cannot start: ${problems.length === 1 ? `a module in ${shown(folder)} breaks` : `${problems.length} modules in ${shown(folder)} break`} its rule (each exports exactly one ${options.what}, named like its ${place(options)}):\n${problems.map((p) => `  - ${p}`).join('\n')}`, { cause });
  }
  return found.sort((a, b) => options.order(a.module) - options.order(b.module) || inCodeOrder(a.name, b.name)).map(({ module }) => module);
}
