// Commands and feature wirings are found by their folders (src/discord/discover.ts): a planted module is picked up,
// a module that breaks the rule stops start-up naming its file, and the real folders give today's lists in order.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { alliance } from '../../commands/alliance.js';
import { commands } from '../../commands/index.js';
import { commandModuleShape, type CommandModule } from '../../src/discord/command.js';
import { DiscoveryError, discoverIn, type DiscoverOptions } from '../../src/discord/discover.js';
import { featureWiringShape, type FeatureWiring } from '../../src/discord/feature-wiring.js';
import { features } from '../../src/discord/features.js';
import { proposalsWiring } from '../../src/discord/proposals/wiring.js';

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

/** A fresh folder holding `files` (path → source). */
function plant(files: Record<string, string>): string {
  const folder = mkdtempSync(join(tmpdir(), 'alliance-discover-'));
  folders.push(folder);
  for (const [path, source] of Object.entries(files)) {
    mkdirSync(dirname(join(folder, path)), { recursive: true });
    writeFileSync(join(folder, path), source);
  }
  return folder;
}

const command = (name: string, order = 10, extra = '') =>
  `{ data: { name: '${name}', description: 'Does ${name}', options: [] }, order: ${order}, async execute() {}${extra} }`;
const wiring = (name: string, order = 10) => `{ name: '${name}', order: ${order}, planners: () => [] }`;

const commandOptions: DiscoverOptions<CommandModule> = { what: 'command module', skip: ['help'], shape: commandModuleShape, nameOf: (module) => module.data.name, order: (module) => module.order };
const wiringOptions: DiscoverOptions<FeatureWiring> = { what: 'feature wiring', inFolders: 'wiring', shape: featureWiringShape, nameOf: (found) => found.name, order: (found) => found.order };

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(() => null, (thrown: unknown) => thrown);
  expect(error).toBeInstanceOf(DiscoveryError);
  return error instanceof Error ? error.message : '';
}

describe('finding command modules by their folder', () => {
  it('picks up a planted command, in its order then by name, and only modules of the list', async () => {
    const folder = plant({
      'zeta.ts': `export const zeta = ${command('zeta', 5)};`,
      'alpha.ts': `export const alpha = ${command('alpha', 20)};\nexport function helper() { return 1; }\nexport const LIMIT = 3;`,
      'beta.ts': `export const beta = ${command('beta', 20)};`,
      // None of these is a command: each would be refused if it were read.
      'index.ts': 'export const commands = [];',
      'help.ts': 'export function createHelpCommand() {}',
      'alpha.test.ts': 'export const nothing = {};',
      'alpha.spec.ts': 'export const nothing = {};',
      'types.d.ts': 'export const nothing = {};',
      '.draft.ts': 'export const nothing = {};',
      'alpha.js': 'export const nothing = {};',
      'alpha.js.map': '{}',
      'notes.md': '# not code',
    });
    const found = await discoverIn(folder, '.ts', commandOptions);
    expect(found.map((module) => module.data.name)).toEqual(['zeta', 'alpha', 'beta']);
    const planted: Record<string, unknown> = await import(pathToFileURL(join(folder, 'alpha.ts')).href);
    expect(found[1]).toBe(planted['alpha']);
  });

  it('the compiled bot reads .js modules and leaves anything else beside them', async () => {
    const folder = plant({ 'gamma.js': `export const gamma = ${command('gamma')};`, 'gamma.js.map': '{}', 'gamma.d.ts': 'export {};', 'delta.ts': 'export const nothing = {};' });
    expect((await discoverIn(folder, '.js', commandOptions)).map((module) => module.data.name)).toEqual(['gamma']);
  });

  it.each([
    ['a file exporting nothing', 'empty.ts', 'export function helper() { return 1; }\nexport const LIMIT = 3;', 'empty.ts: exports no command module'],
    ['a file exporting two commands', 'twice.ts', `export const twice = ${command('twice')};\nexport const again = ${command('twice')};`, 'twice.ts: exports 2 command modules (twice, again)'],
    ['a command named unlike its file', 'space.ts', `export const space = ${command('spaces')};`, 'space.ts: export "space" is named "spaces": it must be "space", like its file'],
    ['a command without execute', 'mute.ts', 'export const mute = { data: { name: "mute", description: "Mutes" }, order: 10 };', 'mute.ts: export "mute" is not a command module: execute: must be a function'],
    ['a command without its order', 'late.ts', 'export const late = { data: { name: "late", description: "Late" }, async execute() {} };', 'late.ts: export "late" is not a command module: order:'],
    ['a misspelt handler', 'typo.ts', `export const typo = ${command('typo', 10, ', autocompelte() {}')};`, 'typo.ts: export "typo" is not a command module: Unrecognized key: "autocompelte"'],
    ['a file that fails to load', 'boom.ts', "throw new Error('no database here');\nexport {};", 'boom.ts: could not be loaded: no database here'],
  ])('refuses %s, naming the file', async (_case, file, source, expected) => {
    const folder = plant({ [file]: source, 'fine.ts': `export const fine = ${command('fine')};` });
    const message = await refusal(discoverIn(folder, '.ts', commandOptions));
    expect(message).toContain(`  - ${join(folder, file)}: ${expected.slice(file.length + 2)}`);
    expect(message).not.toContain('fine.ts');
  });

  it('lists every file at fault at once', async () => {
    const folder = plant({ 'empty.ts': 'export {};', 'space.ts': `export const space = ${command('spaces')};`, 'fine.ts': `export const fine = ${command('fine')};` });
    const message = await refusal(discoverIn(folder, '.ts', commandOptions));
    expect(message).toMatch(/^Alliance bot cannot start: 2 modules in .* break its rule \(each exports exactly one command module, named like its file\):\n/);
    expect(message.split('\n').filter((line) => line.startsWith('  - '))).toHaveLength(2);
  });

  it('the real commands folder gives /help first, then today\'s commands in the order members see them', () => {
    expect(commands.map((module) => module.data.name)).toEqual([
      'help', 'alliance', 'space', 'directory', 'skills', 'meeting', 'agenda', 'ideas', 'priorities', 'actions', 'participation',
      'updates', 'coworkingday', 'proposal', 'rules', 'decisions', 'dues', 'pass', 'lead', 'perks', 'privacy',
    ]);
    expect(commands[1]).toBe(alliance);
  });
});

describe('finding feature wirings by their folders', () => {
  it('picks up a planted wiring, in its order, from folders that have one', async () => {
    const folder = plant({
      'rhythm/wiring.ts': `export const rhythmWiring = ${wiring('rhythm', 20)};\nexport function reconcile() {}`,
      'meetings/wiring.ts': `export const meetingsWiring = ${wiring('meetings', 10)};`,
      'help/render.ts': 'export const nothing = {};',
      'wiring.ts': 'export const nothing = {};',
    });
    expect((await discoverIn(folder, '.ts', wiringOptions)).map((found) => found.name)).toEqual(['meetings', 'rhythm']);
  });

  it.each([
    ['a wiring named unlike its folder', `export const w = ${wiring('meeting')};`, 'export "w" is named "meeting": it must be "meetings", like its folder'],
    ['two wirings in one file', `export const a = ${wiring('meetings')};\nexport const b = ${wiring('meetings')};`, 'exports 2 feature wirings (a, b)'],
    ['a wiring file without one', 'export function plan() {}', 'exports no feature wiring'],
    ['a misspelt hook', "export const w = { name: 'meetings', order: 10, onReactionAdded() {} };", 'export "w" is not a feature wiring: Unrecognized key: "onReactionAdded"'],
  ])('refuses %s, naming the file', async (_case, source, expected) => {
    const folder = plant({ 'meetings/wiring.ts': source });
    const message = await refusal(discoverIn(folder, '.ts', wiringOptions));
    expect(message).toContain(`  - ${join(folder, 'meetings', 'wiring.ts')}: ${expected}`);
    expect(message).toContain('named like its folder');
  });

  it('the real src/discord folders give today\'s wirings in today\'s order', () => {
    expect(features.map((found) => found.name)).toEqual(['rhythm', 'meetings', 'skills', 'proposals', 'directory', 'dues', 'backups']);
    expect(features[3]).toBe(proposalsWiring);
  });
});
