// The demo alliance the shell starts with: a guild with the usual channels, an organizer and four members.
// Features add their sample data (spaces, skills, …) in seedDemoData so a newcomer has something to look at.
import type { GuildHandle, TestBed } from '../testbed/types.js';
import type { RunningBot } from '../main.js';

export const DEMO = {
  guildName: 'Demo Coworking Alliance',
  owner: 'olivia',
  members: ['olivia', 'marcus', 'priya', 'sam', 'lee'],
  organizerRole: 'Organizers',
  /** general and announcements come with every test bed guild; these are the extra ones. */
  extraTextChannels: ['organizers', 'proposals', 'meetings'],
  voiceChannel: 'Coworking call',
  defaultChannel: 'general',
} as const;

export const DEMO_CHANNELS: readonly string[] = ['general', 'announcements', ...DEMO.extraTextChannels, DEMO.voiceChannel];

const VOICE = 2;

/** Creates the guild before the bot connects, so the bot meets it fully formed in GUILD_CREATE. */
export function createDemoAlliance(bed: TestBed): GuildHandle {
  const guild = bed.createGuild({
    name: DEMO.guildName,
    owner: DEMO.owner,
    channels: [...DEMO.extraTextChannels.map((name) => ({ name })), { name: DEMO.voiceChannel, type: VOICE }],
    roles: [{ name: DEMO.organizerRole, permissions: 0n }],
  });
  const organizers = guild.role(DEMO.organizerRole);
  guild.setMemberRoles(guild.ownerId, [organizers]);
  for (const username of DEMO.members) {
    if (username !== DEMO.owner) guild.addMember({ username });
  }
  return guild;
}

/**
 * Sample data created through the bot's own services once it is running. Nothing yet: each feature adds its
 * samples here (a few spaces, skills, an upcoming meeting) so `npm run shell` shows a lived-in alliance.
 */
export async function seedDemoData(bot: RunningBot, guild: GuildHandle): Promise<void> {
  void bot;
  void guild;
}
