// `npm run lint`: the import boundaries (dependency-cruiser, .dependency-cruiser.cjs), the domain's purity (no
// process.env, no wall clock: a grep, since no import shows them) and promise handling (eslint.config.js).
// Checks the tree in the current directory. `node scripts/lint.mjs boundaries purity` runs only those checks.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = process.cwd();
const tools = fileURLToPath(new URL('..', import.meta.url));
const preload = fileURLToPath(new URL('./classic-typescript.mjs', import.meta.url));
/** Adapters under src/: everything else (the domain and the ground floor below it) must stay pure. */
const ADAPTERS = new Set(['discord', 'testbed', 'shell', 'scheduler', 'web']);
/** The one place that reads the wall clock, behind the Clock the rest of the code is given. */
const CLOCK = 'src/shared/clock.ts';
const CHECKS = ['boundaries', 'purity', 'promises'];

/** Runs a tool with the classic TypeScript compiler preloaded; true when it passed. */
function run(script, args) {
  const result = spawnSync(process.execPath, ['--import', preload, join(tools, 'node_modules', script), ...args], { cwd: root, stdio: 'inherit' });
  return result.status === 0;
}

function boundaries() {
  const targets = ['src', 'commands', 'test', 'bench', 'scripts'].filter((dir) => existsSync(join(root, dir)));
  const known = existsSync(join(root, '.dependency-cruiser-known-violations.json')) ? ['--ignore-known'] : [];
  return run('dependency-cruiser/bin/dependency-cruise.mjs', ['--config', '.dependency-cruiser.cjs', ...known, '--output-type', 'err-long', ...targets]);
}

function* walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else if (/\.(ts|mts)$/.test(name)) yield path;
  }
}

/** The domain (and jobs, db, shared) takes configuration and time as arguments, so tests and the shell can give their own. */
function purity() {
  const problems = [];
  for (const file of walk(join(root, 'src'))) {
    const parts = relative(join(root, 'src'), file).split(sep);
    if (parts.length < 2 || ADAPTERS.has(parts[0])) continue;
    const where = relative(root, file).split(sep).join('/');
    const source = readFileSync(file, 'utf8');
    if (/process\.env/.test(source)) problems.push(`${where}: domain code reads process.env (take it from config)`);
    if (/new Date\(\)|Date\.now\(\)/.test(source) && where !== CLOCK) problems.push(`${where}: domain code reads the wall clock (take a Clock)`);
  }
  if (problems.length) console.error(`Domain purity broken:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  else console.log('lint: domain reads neither process.env nor the wall clock');
  return problems.length === 0;
}

function promises() {
  const passed = run('eslint/bin/eslint.js', []);
  if (passed) console.log('lint: promises are awaited or let go on purpose');
  return passed;
}

const asked = process.argv.slice(2);
const unknown = asked.filter((name) => !CHECKS.includes(name));
if (unknown.length) {
  console.error(`Unknown check ${unknown.join(', ')}; the checks are ${CHECKS.join(', ')}.`);
  process.exit(2);
}
const checks = { boundaries, purity, promises };
let failed = false;
for (const name of asked.length ? asked : CHECKS) if (!checks[name]()) failed = true;
process.exit(failed ? 1 : 0);
