// Command registration: the definitions as sent to Discord (guild-only), a hash over them and the target, and
// a sync that PUTs only when that hash changed and clears the scope it registered to before (server ↔ global).
import { createHash } from 'node:crypto';
import {
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  Routes,
  type REST,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import { catalogues } from '../i18n/catalogues.js';
import type { CommandModule } from './command.js';
import { localizeCommands } from './command-localizations.js';

export type CommandDefinition = RESTPostAPIChatInputApplicationCommandsJSONBody;

/** Every command is guild-only: the alliance is the server. Descriptions carry their Spanish and French (#19). */
export function registrationBody(modules: readonly CommandModule[]): CommandDefinition[] {
  return localizeCommands(
    modules.map((module) => ({
      ...module.data,
      type: ApplicationCommandType.ChatInput,
      contexts: [InteractionContextType.Guild],
      integration_types: [ApplicationIntegrationType.GuildInstall],
    })),
    catalogues,
  );
}

/**
 * Stable JSON (keys sorted by UTF-16 code unit, not by the locale's collation: ICU's rules may change with a Node
 * upgrade, and a different order would mean a needless re-registration) so the hash does not depend on property order.
 */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Where commands go: the application and the guild (or global). A new application or guild means registering again. */
export function registrationTarget(applicationId: string, guildId: string | undefined): string {
  return `${applicationId}:${guildId ? `guild:${guildId}` : 'global'}`;
}

export function registrationHash(definitions: readonly CommandDefinition[], target: string): string {
  return createHash('sha256').update(stableJson({ target, definitions })).digest('hex');
}

/** The decision alone, as a pure function (table-tested): register when never registered or anything changed. */
export function needsRegistration(storedHash: string | null, currentHash: string): boolean {
  return storedHash !== currentHash;
}

export interface HashStore {
  get(key: string): string | null;
  set(key: string, value: string): void;
}

export const COMMANDS_HASH_KEY = 'commands_hash';
/** The target this database last registered to: switching scope clears that one (and only that one). */
export const COMMANDS_TARGET_KEY = 'commands_target';

/**
 * The scope to empty after registering to `current`: the one last registered to, when it was another scope of the
 * same application. Never a scope this bot did not register to itself (another instance may own it).
 */
export function staleTarget(previous: string | null, current: string): { applicationId: string; guildId: string | undefined } | null {
  if (!previous || previous === current) return null;
  const match = /^(\d+):(?:guild:(\d+)|global)$/.exec(previous);
  if (!match || match[1] !== current.split(':')[0]) return null;
  return { applicationId: match[1]!, guildId: match[2] };
}

export async function registerCommands(rest: REST, applicationId: string, guildId: string | undefined, definitions: CommandDefinition[]): Promise<void> {
  const route = guildId ? Routes.applicationGuildCommands(applicationId, guildId) : Routes.applicationCommands(applicationId);
  await rest.put(route, { body: definitions });
}

/**
 * Registers to the current scope, then empties the scope registered to before so no server sees every command
 * twice, and remembers hash and target. Used by the bot at start-up and by `npm run deploy-commands`.
 */
export async function registerAndRemember(
  rest: REST,
  applicationId: string,
  guildId: string | undefined,
  definitions: CommandDefinition[],
  store: HashStore,
): Promise<{ cleared: string | null }> {
  const target = registrationTarget(applicationId, guildId);
  await registerCommands(rest, applicationId, guildId, definitions);
  const stale = staleTarget(store.get(COMMANDS_TARGET_KEY), target);
  if (stale) await registerCommands(rest, stale.applicationId, stale.guildId, []);
  store.set(COMMANDS_HASH_KEY, registrationHash(definitions, target));
  store.set(COMMANDS_TARGET_KEY, target);
  return { cleared: stale ? (stale.guildId ? `server ${stale.guildId}` : 'global') : null };
}

/** Registers when the definitions or the target changed since the last successful registration. */
export async function syncCommands(options: {
  rest: REST;
  applicationId: string;
  guildId: string | undefined;
  modules: readonly CommandModule[];
  store: HashStore;
}): Promise<'registered' | 'unchanged'> {
  const definitions = registrationBody(options.modules);
  const hash = registrationHash(definitions, registrationTarget(options.applicationId, options.guildId));
  if (!needsRegistration(options.store.get(COMMANDS_HASH_KEY), hash)) return 'unchanged';
  await registerAndRemember(options.rest, options.applicationId, options.guildId, definitions, options.store);
  return 'registered';
}
