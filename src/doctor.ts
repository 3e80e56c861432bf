// `npm run doctor` (or `node dist/src/doctor.js`): logs in like the bot, checks the token, the intents, the
// registered commands, the database, the backups and every alliance's channels, permissions and roles, prints each
// problem with its fix, and exits 1 when anything is wrong (0 when all is well).
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { config as loadDotenv } from 'dotenv';
import { commands } from '../commands/index.js';
import { ConfigError, backupSettingsOf, loadConfig } from './config.js';
import { openDatabase } from './db/open.js';
import { createDiscordClient } from './discord/client.js';
import { loginAndWaitReady } from './discord/login.js';
import { runDoctor } from './discord/operations/doctor.js';
import { renderDoctorText, renderDoctorStop } from './discord/operations/render.js';
import { registrationBody } from './discord/registration.js';
import { createServices } from './services.js';
import { systemClock } from './shared/clock.js';

export async function doctor(env: NodeJS.ProcessEnv, out: NodeJS.WritableStream): Promise<number> {
  const config = loadConfig(env);
  if (config.DATABASE_PATH !== ':memory:' && !existsSync(config.DATABASE_PATH)) {
    out.write(renderDoctorStop({ code: 'no-database', path: config.DATABASE_PATH }));
    return 1;
  }
  // Never migrates: a newer doctor run beside an older running bot must not upgrade the database under it.
  const database = openDatabase(config.DATABASE_PATH, { migrate: false });
  if (database.pendingMigrations.length > 0) {
    database.close();
    out.write(renderDoctorStop({ code: 'migrations-pending', count: database.pendingMigrations.length }));
    return 1;
  }
  const client = createDiscordClient({ apiUrl: config.DISCORD_API_URL });
  try {
    const services = createServices({
      db: database.db,
      clock: systemClock,
      databasePath: config.DATABASE_PATH,
      backups: backupSettingsOf(config),
    });
    let loginProblem: string | null = null;
    try {
      await loginAndWaitReady(client, config.DISCORD_TOKEN);
    } catch (error) {
      loginProblem = error instanceof Error ? error.message : String(error);
    }
    const report = await runDoctor({
      client: loginProblem ? null : client,
      services,
      clock: systemClock,
      registration: { commandNames: registrationBody(commands).map((command) => command.name), guildId: config.DISCORD_GUILD_ID },
      guildIds: services.alliances.allGuildIds(),
      loginProblem,
    });
    out.write(renderDoctorText(report));
    return report.problemCount === 0 ? 0 : 1;
  } finally {
    await client.destroy();
    database.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  loadDotenv({ quiet: true });
  doctor(process.env, process.stdout).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`${error instanceof ConfigError ? error.message : `The doctor could not run: ${error instanceof Error ? error.message : String(error)}`}\n`);
      process.exit(1);
    },
  );
}
