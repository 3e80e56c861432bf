// The real boundary and purity checks (scripts/lint.mjs) against the tree as it is, and against a copy of it with
// wrong-way imports, circles and impure domain code planted: each must fail with a message naming the file and rule.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const LINT = join(repo, 'scripts', 'lint.mjs');
// dependency-cruiser reads the whole tree with the TypeScript compiler: slow on a busy machine.
const SLOW = 180_000;

function lint(cwd: string): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, [LINT, 'boundaries', 'purity'], { cwd, encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

/** A copy of the code and the lint configuration, sharing the installed packages. */
function copyTree(): string {
  const dir = mkdtempSync(join(tmpdir(), 'alliance-lint-'));
  for (const name of ['src', 'commands', 'tsconfig.json', 'package.json', '.dependency-cruiser.cjs']) {
    if (existsSync(join(repo, name))) cpSync(join(repo, name), join(dir, name), { recursive: true });
  }
  symlinkSync(join(repo, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

function plant(root: string, path: string, source: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), `// Planted by test/lint/boundaries.test.ts.\n${source}\n`);
}

describe('npm run lint: import boundaries and domain purity', () => {
  it('passes on the tree as it is', { timeout: SLOW }, () => {
    const { status, output } = lint(repo);
    expect(output).toContain('no dependency violations found');
    expect(output).toContain('lint: domain reads neither process.env nor the wall clock');
    expect(status).toBe(0);
  });

  describe('on a copy with planted violations', () => {
    let root = '';
    let result: { status: number | null; output: string };

    beforeAll(() => {
      root = copyTree();
      plant(root, 'src/directory/planted-discord.ts', "import { EmbedBuilder } from 'discord.js';\nexport const planted = new EmbedBuilder();");
      plant(root, 'src/directory/planted-adapter.ts', "import { timestamp } from '../discord/format.js';\nexport const planted = timestamp;");
      plant(root, 'src/directory/planted-scheduler.ts', "import type { Scheduler } from '../scheduler/scheduler.js';\nexport type Planted = Scheduler;");
      plant(root, 'src/skills/planted-a.ts', "import { b } from './planted-b.js';\nexport const a = (): number => b() + 1;");
      plant(root, 'src/skills/planted-b.ts', "import { a } from './planted-a.js';\nexport const b = (): number => (a as unknown as number) ?? 0;");
      plant(root, 'src/plantedone/one.ts', "import { two } from '../plantedtwo/two.js';\nexport const one = (): string => two;");
      plant(root, 'src/plantedtwo/two.ts', "import type { one } from '../plantedone/one.js';\nexport const two = 'two';\nexport type One = typeof one;");
      plant(root, 'src/testbed/planted.ts', "import type { Services } from '../services.js';\nexport type Planted = Services;");
      plant(root, 'commands/planted.ts', "import { createRulesService } from '../src/rules/rules.service.js';\nexport const planted = createRulesService;");
      plant(root, 'src/rules/planted-env.ts', "export const token = process.env['DISCORD_TOKEN'];\nexport const at = Date.now();");
      result = lint(root);
    }, SLOW);

    afterAll(() => {
      if (root) rmSync(root, { recursive: true, force: true });
    });

    it('fails the run', () => {
      expect(result.status).toBe(1);
    });

    it('a domain file importing discord.js is refused', () => {
      expect(result.output).toMatch(/domain-not-to-adapter-libraries: src\/directory\/planted-discord\.ts → \S*node_modules\/discord\.js/);
      expect(result.output).toContain('never imports discord.js');
    });

    it('a domain file importing src/discord is refused', () => {
      expect(result.output).toMatch(/domain-not-to-adapters: src\/directory\/planted-adapter\.ts → src\/discord\/format\.ts/);
    });

    it('a domain file importing the scheduler, even for a type, is refused', () => {
      expect(result.output).toMatch(/domain-not-to-adapters: src\/directory\/planted-scheduler\.ts → src\/scheduler\/scheduler\.ts/);
    });

    it('an import circle between two files is refused', () => {
      expect(result.output).toMatch(/no-circular: src\/skills\/planted-(a|b)\.ts →\s+src\/skills\/planted-(a|b)\.ts/);
    });

    it('two feature folders importing each other are refused', () => {
      expect(result.output).toMatch(/no-feature-circular: src\/planted(one|two) →\s+src\/planted(one|two)/);
    });

    it('the testbed importing the bot is refused', () => {
      expect(result.output).toMatch(/testbed-stands-alone: src\/testbed\/planted\.ts → src\/services\.ts/);
    });

    it('a command importing a service factory is refused', () => {
      expect(result.output).toMatch(/commands-only-to-discord-shared-and-domain-words: commands\/planted\.ts → src\/rules\/rules\.service\.ts/);
    });

    it('domain code reading process.env or the wall clock is refused', () => {
      expect(result.output).toContain('src/rules/planted-env.ts: domain code reads process.env (take it from config)');
      expect(result.output).toContain('src/rules/planted-env.ts: domain code reads the wall clock (take a Clock)');
    });

    it('nothing planted slips through: every planted file is named', () => {
      for (const file of ['planted-discord', 'planted-adapter', 'planted-scheduler', 'planted-a', 'plantedone', 'testbed/planted', 'commands/planted', 'planted-env']) {
        expect(result.output).toContain(file);
      }
    });
  });
});
