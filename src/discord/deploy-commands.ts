// `npm run deploy-commands`: registers every command now (to DISCORD_GUILD_ID if set, else globally).
import { REST } from 'discord.js';
import { config as loadDotenv } from 'dotenv';
import { commands } from '../../commands/index.js';
import { ConfigError, loadConfig } from '../config.js';
import { createBotStateRepo } from '../db/bot-state.repo.js';
import { openDatabase } from '../db/open.js';
import { registerAndRemember, registrationBody } from './registration.js';

async function deploy(): Promise<void> {
  loadDotenv({ quiet: true });
  const config = loadConfig(process.env);
  const rest = new REST(config.DISCORD_API_URL ? { api: config.DISCORD_API_URL } : {}).setToken(config.DISCORD_TOKEN);
  const app = (await rest.get('/applications/@me')) as { id: string };
  const definitions = registrationBody(commands);
  const database = openDatabase(config.DATABASE_PATH);
  try {
    const { cleared } = await registerAndRemember(rest, app.id, config.DISCORD_GUILD_ID, definitions, createBotStateRepo(database.db));
    const where = config.DISCORD_GUILD_ID ? `server ${config.DISCORD_GUILD_ID} (instant)` : 'globally (may take a while to reach every client)';
    process.stdout.write(`Registered ${definitions.length} commands ${where}.\n`);
    if (cleared) process.stdout.write(`Cleared the commands registered before (${cleared}), so no server sees them twice.\n`);
  } finally {
    database.close();
  }
}

deploy().catch((error: unknown) => {
  process.stderr.write(`${error instanceof ConfigError ? error.message : `Could not register commands: ${error instanceof Error ? error.message : String(error)}`}\n`);
  process.exit(1);
});
