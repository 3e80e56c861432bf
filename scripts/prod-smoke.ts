// The second half of scripts/prod-smoke.sh: runs the pruned, compiled install in APP_DIR against the test bed (from
// this checkout): deploy-commands, the bot answering /help, a backup, the doctor, and a clean stop on SIGTERM.
// The bot starts as `npm run start:prod` starts it, node flags included (they are part of what ships).
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startTestBed } from '../src/testbed/index.js';
import { npmStartArguments } from './start-command.js';

const run = promisify(execFile);
const app = process.argv[2];
if (!app) throw new Error('usage: prod-smoke.ts APP_DIR');

function fail(message: string): never {
  process.stderr.write(`prod-smoke: ${message}\n`);
  process.exit(1);
}

const bed = await startTestBed();
const guild = bed.createGuild({ name: 'Smoke Test Alliance', owner: 'olivia' });
const data = mkdtempSync(join(tmpdir(), 'alliance-prod-data-'));
const env = {
  PATH: process.env['PATH'] ?? '',
  DISCORD_TOKEN: bed.token,
  DISCORD_API_URL: bed.apiUrl,
  DATABASE_PATH: join(data, 'alliance.db'),
  BACKUP_DIR: join(data, 'backups'),
  LOG_LEVEL: 'info',
};
const node = (script: string, args: string[] = []) => run(process.execPath, [script, ...args], { cwd: app, env });

try {
  const deployed = await node('dist/src/discord/deploy-commands.js');
  process.stdout.write(deployed.stdout);
  if (!bed.commands().some((command) => command['name'] === 'help')) fail('deploy-commands did not register /help');

  const bot = spawn(process.execPath, npmStartArguments(app, 'start:prod'), { cwd: app, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  bot.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  bot.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => bot.on('exit', (code) => resolve(code)));
  const started = Date.now();
  while (!output.includes('Alliance bot is ready')) {
    if (bot.exitCode !== null) fail(`the compiled bot exited (${bot.exitCode}):\n${output}`);
    if (Date.now() - started > 60_000) fail(`the compiled bot was not ready within 60 s:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const help = await bed.driver.command({ guildId: guild.id, channelId: guild.channel('general'), userId: guild.ownerId, name: 'help' });
  const answer = JSON.stringify(await help.reply());
  if (!answer.includes('/alliance')) fail(`/help did not list the commands: ${answer.slice(0, 500)}`);
  process.stdout.write('prod-smoke: the compiled bot answered /help\n');
  // A first start: the gazetteer's cache is built by a child process of the compiled bot (src/db/cache-build.ts).
  while (!output.includes('"msg":"gazetteer cache built"') && !output.includes('"msg":"gazetteer cache not built')) {
    if (Date.now() - started > 90_000) fail(`the gazetteer cache was not built within 90 s:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (!output.includes('"how":"apart"') || !existsSync(`${env.DATABASE_PATH}.cache.db`)) fail(`the gazetteer cache was not built apart:\n${output}`);
  process.stdout.write('prod-smoke: the gazetteer cache was built in a child process\n');

  const backup = await node('dist/src/backup.js', [join(data, 'manual.db')]);
  process.stdout.write(backup.stdout);

  const doctor = await node('dist/src/doctor.js').catch((error: { code: number; stdout: string }) => error);
  if (!doctor.stdout.includes('Alliance bot doctor')) fail(`the doctor did not report:\n${doctor.stdout}`);
  process.stdout.write(doctor.stdout);

  bot.kill('SIGTERM');
  const code = await Promise.race([exited, new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 20_000))]);
  if (code !== 0) fail(`the bot did not stop cleanly on SIGTERM (${code}):\n${output}`);
  if (/"level":(50|60)/.test(output)) fail(`the bot logged an error:\n${output}`);
  process.stdout.write('prod-smoke: production install ok (deploy-commands, bot, /help, backup, doctor, SIGTERM)\n');
} finally {
  await bed.close();
  rmSync(data, { recursive: true, force: true });
}
