// Keeps the dependency arrows honest: commands/ → src/discord/ → src/<feature>/ → src/db, src/shared.
// A feature folder never imports discord.js, node-cron, the adapter or commands, and never reads
// process.env or the wall clock. Exits 1 with every violation listed.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const ADAPTER_DIRS = new Set(['discord', 'testbed', 'shell', 'scheduler']);
const ROOT_FILES_ALLOWED_EVERYTHING = new Set(['main.ts', 'services.ts', 'config.ts', 'doctor.ts']);

function* walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else if (/\.(ts|mts)$/.test(name)) yield path;
  }
}

const importPattern = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
const problems = [];

for (const file of walk(join(root, 'src'))) {
  const rel = relative(join(root, 'src'), file).split(sep);
  const top = rel.length > 1 ? rel[0] : null;
  if (top === null && ROOT_FILES_ALLOWED_EVERYTHING.has(rel[0])) continue;
  const source = readFileSync(file, 'utf8');
  const where = relative(root, file);
  const imports = [...source.matchAll(importPattern)].map((m) => m[1] ?? m[2]);
  const isDomain = top !== null && !ADAPTER_DIRS.has(top);
  for (const spec of imports) {
    if (spec.includes('/commands/') || spec.startsWith('../commands') || spec.startsWith('../../commands')) {
      if (!(top === 'discord' && rel.at(-1) === 'deploy-commands.ts') && top !== 'shell') problems.push(`${where}: imports commands/ (only main.ts and the deploy script may)`);
    }
    if (!isDomain) continue;
    if (spec === 'discord.js' || spec.startsWith('@discordjs/') || spec === 'node-cron') problems.push(`${where}: domain code imports ${spec}`);
    if (/(^|\/)discord\//.test(spec) || /(^|\/)(testbed|shell)\//.test(spec)) problems.push(`${where}: domain code imports the adapter (${spec})`);
  }
  if (isDomain) {
    if (/process\.env/.test(source)) problems.push(`${where}: domain code reads process.env (take it from config)`);
    if (/new Date\(\)|Date\.now\(\)/.test(source) && where !== 'src/shared/clock.ts') problems.push(`${where}: domain code reads the wall clock (take a Clock)`);
  }
}

if (problems.length) {
  console.error(`Import boundaries broken:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  process.exit(1);
}
console.log('lint: import boundaries ok');
