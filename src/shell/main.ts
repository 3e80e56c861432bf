// `npm run shell`: the real bot against the local test bed, with a prompt where a person acts as a demo member.
// Reads a TTY interactively, or lines from --script FILE / piped stdin (echoed, and a failure makes the exit code 1).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clearLine, createInterface, cursorTo } from 'node:readline';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { startBot, type RunningBot } from '../main.js';
import { DEMO_SLUG } from './demo/demo-public-page.js';
import { createLogger } from '../shared/logger.js';
import { startTestBed } from '../testbed/index.js';
import { createDemoAlliance, DEMO, seedDemoData } from './demo/demo-alliance.js';
import { createSession, type Outcome, type Session } from './session.js';

const USAGE = `Usage: npm run shell -- [--script FILE] [--db FILE] [--files DIR] [--verbose]
  --script FILE  run the lines of FILE, echoing each, then exit (1 if a line failed)
  --db FILE      write the database to FILE, to inspect it afterwards (default: a temporary one per run)
  --files DIR    save files the bot sends (exports) into DIR and print their paths (default: a new temporary folder)
  --verbose      show the bot's info logs (default: warnings only), on stderr`;

const FAILURES: Outcome[] = ['syntax', 'usage', 'no-answer'];

function readArgs() {
  try {
    const { values } = parseArgs({
      options: {
        script: { type: 'string' },
        db: { type: 'string' },
        files: { type: 'string' },
        verbose: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
    return values;
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`);
    process.exit(2);
  }
}

async function main(): Promise<number> {
  const args = readArgs();
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const script = args.script !== undefined ? readScript(args.script) : null;
  const interactive = script === null && process.stdin.isTTY === true;
  const tempDir = args.db ? null : mkdtempSync(join(tmpdir(), 'alliance-shell-'));
  const level = args.verbose ? 'info' : 'warn';

  const bed = await startTestBed();
  let bot: RunningBot | null = null;
  let stopping: Promise<void> | null = null;
  // Shared by exit, Ctrl-D, Ctrl-C and errors: the bot disconnects before the server it talks to goes away.
  const stop = () =>
    (stopping ??= (async () => {
      await bot?.stop().catch(() => undefined);
      await bed.close().catch(() => undefined);
      if (tempDir) rmSync(tempDir, { recursive: true, force: true });
    })());
  process.once('SIGINT', () => void stop().then(() => process.exit(130)));
  process.once('SIGTERM', () => void stop().then(() => process.exit(143)));

  try {
    const guild = createDemoAlliance(bed);
    const config = loadConfig({
      DISCORD_TOKEN: bed.token,
      DISCORD_API_URL: bed.apiUrl,
      DATABASE_PATH: args.db ?? join(tempDir ?? '.', 'alliance.db'),
      LOG_LEVEL: level,
      // The public web page on a free port of this machine only.
      HTTP_PORT: '0',
    });
    // Logs go to stderr so a script's output on stdout is only what members see.
    const logger = createLogger(level, process.stderr);
    bot = await startBot(config, { logger, webHostname: '127.0.0.1' });
    await seedDemoData(bot, guild, (message) => logger.warn(message));

    let beforeWrite: (() => void) | null = null;
    const write = (text: string) => {
      beforeWrite?.();
      beforeWrite = null;
      process.stdout.write(`${text}\n`);
    };
    // Kept after exit, unlike the temporary database: the person may still want to open what was exported.
    // The default folder is only made when a file arrives, so runs without exports leave nothing behind.
    const filesDir = args.files ?? join(tmpdir(), `alliance-shell-files-${process.pid}-${Date.now().toString(36)}`);
    const session = createSession({ bed, guild, write, filesDir });
    const pageUrl = bot.web ? `${bot.web.url}/a/${DEMO_SLUG}/` : null;
    if (interactive) {
      process.stdout.write(`${DEMO.guildName} is running locally. You are ${DEMO.owner} (owner, organizer) in #${DEMO.defaultChannel}.\nType help for the shell's instructions, or try /help.\n`);
      if (pageUrl) process.stdout.write(`Its public web page: ${pageUrl}\n`);
    } else if (pageUrl) {
      // Scripts keep stdout for what members see.
      process.stderr.write(`Public web page: ${pageUrl}\n`);
    }
    await session.flush();
    const failures = interactive
      ? await runInteractive(session, (clear) => (beforeWrite = clear))
      : await runLines(session, script ?? stdinLines());
    return failures > 0 ? 1 : 0;
  } finally {
    await stop();
  }
}

function readScript(path: string): string[] {
  try {
    return readFileSync(path, 'utf8').split(/\r?\n/);
  } catch {
    process.stderr.write(`Cannot read the script ${path}\n`);
    process.exit(2);
  }
}

async function* stdinLines(): AsyncIterable<string> {
  yield* createInterface({ input: process.stdin, crlfDelay: Infinity });
}

/** Scripts and piped input: each line is echoed after the prompt so the output reads like a session. */
async function runLines(session: Session, lines: Iterable<string> | AsyncIterable<string>): Promise<number> {
  let failures = 0;
  for await (const line of lines) {
    if (line.trim() === '') continue;
    process.stdout.write(`${session.prompt()}${line}\n`);
    const outcome = await session.run(line);
    if (outcome === 'exit') break;
    if (FAILURES.includes(outcome)) failures++;
  }
  return failures;
}

/** At a terminal, posts the bot makes on its own (the scheduler) appear while the prompt waits, above it. */
async function runInteractive(session: Session, onNextWrite: (clear: () => void) => void): Promise<number> {
  const rl = createInterface({ input: process.stdin, output: process.stdout, prompt: session.prompt() });
  rl.on('SIGINT', () => rl.close());
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    onNextWrite(() => {
      clearLine(process.stdout, 0);
      cursorTo(process.stdout, 0);
    });
    if (session.poll()) rl.prompt(true);
    onNextWrite(() => undefined);
  }, 1000);
  rl.prompt();
  try {
    for await (const line of rl) {
      busy = true;
      const outcome = await session.run(line);
      busy = false;
      if (outcome === 'exit') break;
      rl.setPrompt(session.prompt());
      rl.prompt();
    }
  } finally {
    clearInterval(timer);
    rl.close();
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`The shell could not start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  },
);
