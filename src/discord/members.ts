// Which of a list of user ids are members of a guild: the cache first, the rest asked of the gateway in batches.
import { DiscordAPIError, RESTJSONErrorCodes, type Guild } from 'discord.js';

/** Discord answers a member request for at most 100 user ids at a time. */
const BATCH = 100;

export async function membersAmong(guild: Guild | null, userIds: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  if (!guild) return found;
  const unknown: string[] = [];
  for (const id of userIds) {
    if (guild.members.cache.has(id)) found.add(id);
    else unknown.push(id);
  }
  for (let i = 0; i < unknown.length; i += BATCH) {
    const fetched = await guild.members.fetch({ user: unknown.slice(i, i + BATCH) });
    for (const id of fetched.keys()) found.add(id);
  }
  return found;
}

/** Whether a user is (still) a member of the guild: the cache first, then Discord (Unknown Member means no). */
export async function isMemberOf(guild: Guild, userId: string): Promise<boolean> {
  if (guild.members.cache.has(userId)) return true;
  try {
    await guild.members.fetch({ user: userId, force: true });
    return true;
  } catch (error) {
    if (error instanceof DiscordAPIError && (error.code === RESTJSONErrorCodes.UnknownMember || error.code === RESTJSONErrorCodes.UnknownUser)) return false;
    throw error;
  }
}
