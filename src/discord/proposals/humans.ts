// Who can vote, as Discord knows it: every human member and their roles, read over REST (a proposal's electorate
// is fixed from this when it opens, and departures are found from it at start-up).
import { Routes, type APIGuildMember } from 'discord.js';
import type { BotContext } from '../command.js';

/** Every human member's id, read over REST 1000 per page (needs the Server Members intent). */
export async function fetchHumans(ctx: BotContext, guildId: string): Promise<{ id: string; roleIds: string[] }[]> {
  const humans: { id: string; roleIds: string[] }[] = [];
  let after = '0';
  for (;;) {
    const page = (await ctx.client.rest.get(Routes.guildMembers(guildId), { query: new URLSearchParams({ limit: '1000', after }) })) as APIGuildMember[];
    for (const member of page) if (member.user && !member.user.bot) humans.push({ id: member.user.id, roleIds: member.roles });
    if (page.length < 1000) return humans;
    after = page[page.length - 1]!.user!.id;
  }
}
