// `npm run shell -- --script …` end to end: the real bot on the test bed, driven by a script file, read from stdout.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

  it('is as faithful as Discord: command help, buttons and choices by name, forms kept, markdown read, files saved', async () => {
    const files = join(mkdtempSync(join(tmpdir(), 'alliance-shell-test-')), 'files');
    const { code, stdout } = await shell('--script', 'test/shell/fixtures/faithful.shell', '--files', files);
    const after = (line: string) => stdout.slice(stdout.indexOf(`olivia #general> ${line}`));
    // help /command: each option with its type, whether required, its limits and choices.
    expect(after('help /proposal create')).toMatch(/title: \(text, required, at most 150 characters\) Short title/);
    expect(after('help /proposal create')).toMatch(/quorum: \(whole number, optional, 0-100\)/);
    expect(after('help /proposal create')).toMatch(/one of: admission · dues/);
    // click by a part of the label ("Approve" on "Approve Beacon Hill Nook").
    expect(after('click Approve')).toContain('**Beacon Hill Nook** approved by @olivia');
    // A name in an autocomplete option: the bot's best choice, said out loud.
    expect(after('/space show space:rainier')).toContain('(space: picked Rainier Commons');
    // Markdown escapes read as the member sees them.
    expect(after('/space show space:rainier')).toContain('Opening hours: Mon-Fri 8:00-18:00');
    expect(stdout).not.toContain('Mon\\-Fri');
    expect(after('/proposal show proposal:"day pass"')).toContain('(proposal: picked #1 Shared day pass');
    // The refused form stays open; the corrected title is enough, the summary typed before is kept.
    expect(after('modal title=" "')).toContain('**title** cannot be empty.');
    expect(after('modal title=" "')).toContain('the form is still open');
    expect(after('modal title="Shared printer, for real"')).toMatch(/#2 · Shared printer, for real\n\s+┃ One printer for all spaces/);
    // A button by its emoji.
    expect(after('click ✅')).toContain('your vote on #2 is ✅ yes');
    // Files saved into the folder named by --files, printed as paths.
    const saved = /📎 (alliance-data-\d+\.json) \([^)]+\) saved to (\S+)/.exec(after('/privacy export'));
    expect(saved?.[2]).toBe(join(files, saved?.[1] ?? ''));
    expect(existsSync(saved?.[2] ?? '')).toBe(true);
    expect(JSON.parse(readFileSync(saved![2]!, 'utf8'))).toBeTypeOf('object');
    // locale fr: the command help reads as Discord's client shows it to a French-speaking member.
    expect(after('help /proposal vote')).toContain('/proposal vote: Voter sur une proposition (comme avec une réaction)');
    expect(after('help /proposal vote')).toMatch(/one of: oui \(yes\) · non \(no\) · abstention \(abstain\)/);
    expect(code).toBe(0);
  }, 90_000);
});
