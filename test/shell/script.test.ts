// `npm run shell -- --script …` end to end: the real bot on the test bed, driven by a script file, read from stdout.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

async function shell(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('npm', ['run', '--silent', 'shell', '--', ...args], { timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

describe.concurrent('the shell running a script', () => {
  it('echoes each line, lists the commands, saves the settings and shows them back', async () => {
    const { code, stdout, stderr } = await shell('--script', 'test/shell/fixtures/basic.shell');
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(stdout).toContain('olivia #general> /help');
    expect(stdout).toContain('/alliance');
    expect(stdout).toContain('olivia #general> /alliance setup timezone:America/Chicago announcements:#announcements');
    const shown = stdout.slice(stdout.indexOf('olivia #general> /alliance show'));
    expect(shown).toContain('America/Chicago');
    expect(shown).toContain('#announcements');
    expect(code).toBe(0);
  }, 60_000);

  it('fails with a clear message, not a stack trace, when a line does not parse', async () => {
    const { code, stdout } = await shell('--script', 'test/shell/fixtures/bad-line.shell');
    expect(stdout).toContain('✗ Unknown instruction "hello"');
    expect(stdout).toContain('✗ There is no command /nope');
    expect(stdout).not.toMatch(/\n\s+at /);
    expect(code).toBe(1);
  }, 60_000);
});
