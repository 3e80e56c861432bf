// The doctor's Discord side: gathers what the bot can see (registered commands, each alliance's channels, the bot's
// permissions there, the organizer role) beside what the database says, and hands the facts to doctor.rules.ts.
import { PermissionFlagsBits, Routes, type Client, type GuildBasedChannel, type PermissionsBitField } from 'discord.js';
import {
  CHANNEL_ROLES,
  NEEDED_IN_CHANNEL,
  NEEDED_IN_SERVER,
  compareCommands,
  diagnoseAlliance,
  diagnoseBot,
  diagnoseJobs,
  type AllianceFacts,
  type AllianceFindings,
  type ChannelFacts,
  type ChannelRole,
  type CommandFacts,
  type Finding,
} from '../../doctor/doctor.rules.js';
import { BOT_JOBS_GUILD_ID } from '../../backups/backups.service.js';
import type { Services } from '../../services.js';
import type { Clock } from '../../shared/clock.js';

/** What the code registers, and where (DISCORD_GUILD_ID or global). */
export interface RegistrationInfo {
  commandNames: readonly string[];
  guildId: string | undefined;
}

export interface DoctorReport {
  bot: Finding[];
  alliances: AllianceFindings[];
  databaseBytes: number;
  lastBackupAt: number | null;
  problemCount: number;
}

const SETTING_OF: Record<ChannelRole, 'announcementsChannelId' | 'organizersChannelId' | 'proposalsChannelId' | 'meetingsChannelId'> = {
  announcements: 'announcementsChannelId',
  organizers: 'organizersChannelId',
  proposals: 'proposalsChannelId',
  meetings: 'meetingsChannelId',
};

function lacking(permissions: Readonly<PermissionsBitField> | null, needed: readonly string[]): string[] {
  const flags = PermissionFlagsBits as Record<string, bigint>;
  return needed.filter((name) => !permissions?.has(flags[name]!));
}

async function commandFacts(client: Client, registration: RegistrationInfo): Promise<CommandFacts> {
  const appId = client.application!.id;
  const route = registration.guildId ? Routes.applicationGuildCommands(appId, registration.guildId) : Routes.applicationCommands(appId);
  const registered = (await client.rest.get(route)) as { name: string }[];
  const { missing, extra } = compareCommands(registration.commandNames, registered.map((command) => command.name));
  // Registering to one server: anything still registered globally shows up twice there.
  const otherScope = registration.guildId ? ((await client.rest.get(Routes.applicationCommands(appId))) as unknown[]).length : 0;
  return { scope: registration.guildId ? 'server' : 'global', missing, extra, otherScope };
}

async function allianceFacts(client: Client, services: Services, guildId: string, registration: RegistrationInfo | null): Promise<AllianceFacts> {
  const settings = services.alliances.settings(guildId);
  const guild = client.guilds.cache.get(guildId);
  const base = { guildId, name: guild?.name ?? 'A server I left', troubledJobs: services.doctor.troubledJobs(guildId) };
  const me = guild?.members.me;
  if (!guild || !me) {
    return { ...base, present: false, announcementsSet: false, channels: [], organizerRole: null, serverMissing: [], strayGuildCommands: 0 };
  }
  const channels = CHANNEL_ROLES.flatMap((role): ChannelFacts[] => {
    const id = settings[SETTING_OF[role]];
    if (!id) return [];
    const channel: GuildBasedChannel | undefined = guild.channels.cache.get(id);
    if (!channel) return [{ role, id, name: null, missing: [] }];
    return [{ role, id, name: channel.name, missing: lacking(channel.permissionsFor(me), NEEDED_IN_CHANNEL[role]) }];
  });
  let strayGuildCommands = 0;
  if (registration && !registration.guildId && client.application) {
    strayGuildCommands = ((await client.rest.get(Routes.applicationGuildCommands(client.application.id, guildId))) as unknown[]).length;
  }
  return {
    ...base,
    present: true,
    announcementsSet: settings.announcementsChannelId !== null,
    channels,
    organizerRole: settings.organizerRoleId ? { exists: guild.roles.cache.has(settings.organizerRoleId) } : null,
    serverMissing: lacking(me.permissions, NEEDED_IN_SERVER),
    strayGuildCommands,
  };
}

/**
 * Runs every check. `guildIds` limits the alliances (one for /alliance doctor; all configured ones for the CLI).
 * `loginProblem` comes from the CLI when it could not log in at all (then only the database is checked).
 */
export async function runDoctor(options: {
  client: Client | null;
  services: Services;
  clock: Clock;
  registration: RegistrationInfo | null;
  guildIds: readonly string[];
  loginProblem?: string | null;
}): Promise<DoctorReport> {
  const { client, services } = options;
  const database = services.doctor.database();
  const backups = services.doctor.backups();
  const commands = client && options.registration ? await commandFacts(client, options.registration) : null;
  const bot = [
    ...diagnoseBot({ loginProblem: options.loginProblem ?? null, commands, database, backups }, options.clock.now().getTime()),
    ...diagnoseJobs(services.doctor.troubledJobs(BOT_JOBS_GUILD_ID)),
  ];
  const alliances: AllianceFindings[] = [];
  if (client) {
    for (const guildId of options.guildIds) {
      const facts = await allianceFacts(client, services, guildId, options.registration);
      alliances.push({ guildId, name: facts.name, findings: diagnoseAlliance(facts) });
    }
  }
  const problemCount = bot.length + alliances.reduce((sum, alliance) => sum + alliance.findings.length, 0);
  return { bot, alliances, databaseBytes: database.bytes, lastBackupAt: backups.lastAt, problemCount };
}
