// The demo alliance the shell starts with: a guild with the usual channels, an organizer and four members.
// seedDemoData sets it up and adds each feature's samples (spaces, meetings, …) so a newcomer has something to look at.
import type { GuildHandle, TestBed } from '../../testbed/types.js';
import type { RunningBot } from '../../main.js';
import { seedDirectorySamples } from './directory-samples.js';
import { seedDuesSamples } from './dues-samples.js';
import { seedMeetingsSamples } from './meetings-samples.js';
import { seedProposalsSamples } from './proposals-samples.js';
import { reconcileAll } from '../../discord/proposals/wiring.js';
import { seedRhythmSamples } from './rhythm-samples.js';
import { seedSkillsSamples } from './skills-samples.js';
import { seedEconomySamples } from './economy-samples.js';
import type { Services } from '../../services.js';
import { seedPublicPageSamples } from './demo-public-page.js';

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

/** Each feature's sample data for the demo alliance, seeded through the bot's own services. One line per feature. */
const SEEDERS: { name: string; seed: (services: Services, demo: DemoMembers) => void }[] = [
  { name: 'directory', seed: seedDirectorySamples },
  { name: 'meetings', seed: seedMeetingsSamples },
  { name: 'rhythm', seed: seedRhythmSamples },
  { name: 'skills', seed: seedSkillsSamples },
  { name: 'proposals', seed: seedProposalsSamples },
  { name: 'pass, leads and perks', seed: seedEconomySamples },
  { name: 'dues', seed: seedDuesSamples },
  { name: 'public page', seed: seedPublicPageSamples },
];

interface DemoMembers {
  guildId: string;
  members: Record<string, string>;
}

/**
 * The samples are the alliance's past, not news: the match notices and suggestions they queued for "now" are
 * dropped before the scheduler wakes for them (it does so on the next event-loop turn), so the shell starts quiet.
 * Jobs due later (meeting reminders, the sample vote's deadline) stay.
 */
function quietSampleNotices(bot: RunningBot, guildId: string): void {
  const now = bot.ctx.clock.now().getTime();
  for (const job of bot.services.jobs.list(guildId)) {
    if (job.status === 'pending' && job.dueAt <= now) bot.services.jobs.cancel(job.key);
  }
}

/**
 * Sets the demo alliance up (channels, organizer role, time zone) and fills it with each feature's samples, so
 * `npm run shell` shows a lived-in alliance. A seeder that fails is reported and skipped: the shell still starts.
 */
export async function seedDemoData(bot: RunningBot, guild: GuildHandle, warn: (message: string) => void = () => {}): Promise<void> {
  const members = Object.fromEntries(DEMO.members.map((name) => [name, guild.member(name)]));
  const organizer = { guildId: guild.id, userId: guild.ownerId, isOrganizer: true, roleIds: [] };
  bot.services.alliances.update(organizer, {
    timezone: 'America/Chicago',
    announcementsChannelId: guild.channel('announcements'),
    organizersChannelId: guild.channel('organizers'),
    proposalsChannelId: guild.channel('proposals'),
    meetingsChannelId: guild.channel('meetings'),
    organizerRoleId: guild.role(DEMO.organizerRole),
  });
  for (const seeder of SEEDERS) {
    try {
      seeder.seed(bot.services, { guildId: guild.id, members });
    } catch (error) {
      warn(`Sample ${seeder.name} data could not be added: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  quietSampleNotices(bot, guild.id);
  // The sample proposal was stored after start-up: post it where members vote, as start-up would.
  await reconcileAll(bot.ctx).catch((error: unknown) => warn(`Sample proposal could not be posted: ${error instanceof Error ? error.message : String(error)}`));
}
